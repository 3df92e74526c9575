import { describe, expect, it } from 'vitest';
import { partOfSegment, sendsWhole, transcriptParts } from '@/lib/episode/parts';

const text = (n: number) => 'word '.repeat(n).trim();
const seg = (chapterId: number | null, startSeconds: number | null, words: number) => ({ chapterId, startSeconds, text: text(words) });

describe('transcriptParts', () => {
  it('makes each chapter one part, with an empty chapter kept for its heading', () => {
    const chapters = [
      { id: 1, ordinal: 0 },
      { id: 2, ordinal: 1 },
      { id: 3, ordinal: 2 },
    ];
    const segments = [seg(1, 0, 100), seg(1, 30, 100), seg(3, 60, 50)];
    const parts = transcriptParts(chapters, segments);
    expect(parts.map((p) => [p.chapter?.id, p.opensChapter, p.from, p.to, p.words, p.startSeconds, p.endSeconds])).toEqual([
      [1, true, 0, 2, 200, 0, 60],
      [2, true, 2, 2, 0, null, 60],
      [3, true, 2, 3, 50, 60, null],
    ]);
    expect(parts.map((p) => p.index)).toEqual([0, 1, 2]);
  });

  it('cuts a chapter over the limit, and a chapterless transcript, into even windows at segment boundaries', () => {
    const segments = Array.from({ length: 40 }, (_, i) => seg(null, i * 60, 100));
    const parts = transcriptParts([], segments, { maxWords: 1000, windowWords: 900 });
    // 4,000 words in windows of about 900: four of 1,000
    expect(parts.map((p) => p.words)).toEqual([1000, 1000, 1000, 1000]);
    expect(parts.every((p) => p.chapter === null && !p.opensChapter)).toBe(true);
    expect(parts.map((p) => p.from)).toEqual([0, 10, 20, 30]);
    expect(parts.at(-1)!.to).toBe(40);
    expect(parts[1]!.startSeconds).toBe(600);
    expect(parts[0]!.endSeconds).toBe(600);
  });

  it('covers every segment exactly once, in order', () => {
    const sizes = [5, 300, 7, 2000, 40, 40, 900, 1, 1, 3000, 12];
    const segments = sizes.map((n, i) => seg(i < 6 ? 1 : 2, i * 10, n));
    const parts = transcriptParts([{ id: 1, ordinal: 0 }, { id: 2, ordinal: 1 }], segments, { maxWords: 1500, windowWords: 800 });
    let next = 0;
    for (const p of parts) {
      expect(p.from).toBe(next);
      expect(p.to).toBeGreaterThan(p.from);
      next = p.to;
    }
    expect(next).toBe(sizes.length);
    // the first window of each chapter carries its heading
    expect(parts.filter((p) => p.opensChapter).map((p) => p.chapter!.id)).toEqual([1, 2]);
  });

  it('finds the part of a segment and says when a transcript is sent whole', () => {
    const segments = Array.from({ length: 10 }, (_, i) => seg(null, i, 500));
    const parts = transcriptParts([], segments, { maxWords: 1000, windowWords: 1000 });
    expect(partOfSegment(parts, 7)!.from).toBeLessThanOrEqual(7);
    expect(partOfSegment(parts, 7)!.to).toBeGreaterThan(7);
    expect(partOfSegment(parts, null)!.index).toBe(0);
    expect(sendsWhole(parts, { wholeWords: 5000 })).toBe(true);
    expect(sendsWhole(parts, { wholeWords: 4999 })).toBe(false);
  });
});
