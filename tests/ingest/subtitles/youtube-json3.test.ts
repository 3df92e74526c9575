import { describe, expect, it } from 'vitest';
import { youtubeJson3 } from '@/lib/ingest/formats/youtube-json3';
import { parseErrorOf, readFixture, rows } from './fixtures';

const parse = (text: string) => youtubeJson3.parse(text, { fileName: 'leaving.json3' });
const event = (tStartMs: number, ...words: string[]) => ({ tStartMs, dDurationMs: 1000, segs: words.map((utf8) => ({ utf8 })) });

describe('youtube-json3', () => {
  it('removes text that rolling auto-captions re-show: every word once, in order', () => {
    const doc = parse(readFixture('leaving-rolling.json3'));
    expect(doc.format).toBe('youtube-json3');
    expect(rows(doc)).toEqual([
      // the "the the" inside one caption is speech and stays; "[Music]" is dropped
      [null, 0, 'so I left big tech after eight years and honestly the the staff promo was not why'],
      // ">>" marks a new voice: a new segment even though no speaker is named
      [null, 8.1, 'wait really?'],
      [null, 10.1, 'yeah really'],
    ]);
    const words = doc.segments.map((s) => s.text).join(' ').split(' ');
    expect(words.filter((w) => w === 'tech')).toHaveLength(1);
    expect(words.filter((w) => w === 'years')).toHaveLength(1);
  });

  it('leaves plain (non-rolling) captions alone, including a repeat across a caption boundary', () => {
    const doc = parse(
      JSON.stringify({
        events: [
          event(0, 'Ana: I think that'),
          event(1000, 'that was the year'),
          event(2000, 'I left.'),
        ],
      }),
    );
    expect(rows(doc)).toEqual([['Ana', 0, 'I think that that was the year I left.']]);
  });

  it('rejects the wrong shape and broken JSON; keeps backwards events with a warning', () => {
    expect(parseErrorOf(() => parse('{"events": 3}')).message).toMatch(/"events" array/);
    expect(parseErrorOf(() => parse(JSON.stringify({ events: [{ tStartMs: 0, segs: [{ text: 'x' }] }] }))).message).toMatch(
      /events\[0\]\.segs\[0\]\.utf8/,
    );
    const back = parse(JSON.stringify({ events: [event(5000, 'a'), event(1000, 'b')] }));
    expect(back.warnings.some((w) => /events\[1\].*by up to 4 s/.test(w))).toBe(true);
    expect(parseErrorOf(() => parse('{\n  "events": [\n    {"tStartMs": 0,,}\n  ]\n}')).line).toBe(3);
  });
});
