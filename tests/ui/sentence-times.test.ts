import { describe, expect, it } from 'vitest';
import { paragraphRuns } from '@/lib/episode/rows';
import { linkSecond, secondAtOffset, sentenceAttr, sentenceIndexAt, sentenceTimes, withTurnEnds, WORDS_PER_SECOND } from '@/lib/episode/sentence-times';
import { sentenceSpans } from '@/lib/text/sentences';

const words = (n: number, last = 'end.') => `${'word '.repeat(n - 1)}${last}`;

describe('sentenceSpans', () => {
  it('gives character spans of the original text, cut after sentence ends and at blank lines', () => {
    const text = '  First one. Dr. Smith said so!\n\nNo stop here and then  the last';
    const spans = sentenceSpans(text);
    expect(spans.map((s) => text.slice(s.from, s.to))).toEqual(['First one.', 'Dr. Smith said so!', 'No stop here and then  the last']);
    expect(spans.map((s) => [s.word, s.words])).toEqual([
      [0, 2],
      [2, 4],
      [6, 7],
    ]);
  });

  it('cuts an unpunctuated run into even pieces, at a comma near the cut when there is one', () => {
    const plain = 'w '.repeat(100).trim();
    expect(sentenceSpans(plain, { maxWords: 32 }).map((s) => s.words)).toEqual([25, 25, 25, 25]);
    const withComma = [...'w '.repeat(23).trim().split(' '), 'w,', ...'w '.repeat(26).trim().split(' ')].join(' ');
    expect(sentenceSpans(withComma, { maxWords: 32 }).map((s) => s.words)).toEqual([24, 26]);
  });

  it('has nothing for empty text', () => {
    expect(sentenceSpans('   ')).toEqual([]);
  });
});

describe('sentenceTimes', () => {
  it('spreads the sentences of an unmarked turn by word position up to the next turn', () => {
    // 10 + 30 words between 100 s and 140 s: the second sentence starts a quarter of the way in
    const times = sentenceTimes({ text: `${words(10)} ${words(30)}`, startSeconds: 100, endSeconds: 140 });
    expect(times.map((s) => [s.startSeconds, s.endSeconds, s.exact])).toEqual([
      [100, 110, true],
      [110, 140, false],
    ]);
  });

  it('takes a mark at a sentence start as exact, and interpolates around marks inside sentences', () => {
    const text = `${words(10)} ${words(10)} ${words(20)}`;
    const second = text.indexOf('word', text.indexOf('end.') + 1);
    const third = text.lastIndexOf('end.', text.lastIndexOf('end.') - 1) + 5;
    // the second sentence is stamped at 130 s; a mark half-way through the third says 170 s
    const midThird = text.indexOf('word', third + 10 * 5);
    const times = sentenceTimes({ text, startSeconds: 100, endSeconds: 200, marks: [[second, 130, 1], [midThird, 170, 0]] });
    expect(times.map((s) => [Math.round(s.startSeconds * 10) / 10, s.exact])).toEqual([
      [100, true],
      [130, true],
      // half-way between the stamp at word 10 (130 s) and the mark at word 30 (170 s)
      [150, false],
    ]);
    expect(times.at(-1)!.endSeconds).toBe(200);
  });

  it('an estimated turn start is not exact', () => {
    expect(sentenceTimes({ text: 'One. Two.', startSeconds: 5, estimated: true, endSeconds: 7 })[0]!.exact).toBe(false);
  });

  it('never runs backwards: a backward mark is dropped, an end before the last mark is estimated', () => {
    const text = `${words(10)} ${words(10)}`;
    const second = text.indexOf('word', text.indexOf('end.'));
    const times = sentenceTimes({ text, startSeconds: 100, endSeconds: 90, marks: [[second, 95, 1]] });
    expect(times[1]!.startSeconds).toBeGreaterThan(100);
    expect(times[1]!.endSeconds).toBeCloseTo(100 + 20 / WORDS_PER_SECOND);
    for (const s of times) expect(s.endSeconds).toBeGreaterThanOrEqual(s.startSeconds);
  });

  it('estimates the end of the last turn from its words', () => {
    const times = sentenceTimes({ text: words(25), startSeconds: 0 });
    expect(times[0]!.endSeconds).toBeCloseTo(25 / WORDS_PER_SECOND);
  });

  it('has no times for an untimed turn', () => {
    expect(sentenceTimes({ text: 'Some text.', startSeconds: null })).toEqual([]);
    expect(secondAtOffset({ text: 'Some text.', startSeconds: null }, 3)).toBeNull();
  });
});

describe('links to a sentence and back', () => {
  const turn = { text: `${words(7)} ${words(11)} ${words(5)} ${words(13)}`, startSeconds: 4156, endSeconds: 4309 };
  const times = sentenceTimes(turn);

  it('a link to a sentence lands on that sentence', () => {
    for (let i = 0; i < times.length; i++) {
      const t = secondAtOffset(turn, times[i]!.from + 2)!;
      expect(t).toBe(linkSecond(times[i]!));
      expect(sentenceIndexAt(times, t)).toBe(i);
      expect(times[i]!.startSeconds).toBeLessThanOrEqual(t);
      expect(times[i]!.endSeconds).toBeGreaterThan(t);
    }
  });

  it('any second inside the turn picks the sentence that covers it', () => {
    for (let t = 4156; t < 4309; t++) {
      const s = times[sentenceIndexAt(times, t)]!;
      expect(Math.ceil(s.startSeconds - 1e-6)).toBeLessThanOrEqual(t);
      expect(s.endSeconds).toBeGreaterThan(t - 1);
    }
    expect(sentenceIndexAt(times, 0)).toBe(0);
    expect(sentenceIndexAt([], 5)).toBe(-1);
  });
});

describe('withTurnEnds', () => {
  it('ends each segment where the next one starts', () => {
    expect(withTurnEnds([{ startSeconds: 0 }, { startSeconds: 12 }, { startSeconds: 30 }]).map((s) => s.endSeconds)).toEqual([12, 30, null]);
  });
});

describe('paragraphRuns', () => {
  it('keeps every character, paragraphs split at blank lines, sentences as runs', () => {
    const text = 'One two. Three\nfour!\n\n  Five six.  ';
    const spans = sentenceSpans(text);
    const paragraphs = paragraphRuns(text, spans);
    expect(paragraphs).toEqual([[{ sentence: 0, text: 'One two.' }, ' ', { sentence: 1, text: 'Three\nfour!' }], [{ sentence: 2, text: 'Five six.' }]]);
  });

  it('renders text without sentences as one plain run per paragraph', () => {
    expect(paragraphRuns('a\n\nb', [])).toEqual([['a'], ['b']]);
  });
});

describe('sentenceAttr', () => {
  it('rounds up to tenths without changing the whole second a link carries', () => {
    for (const x of [4156, 4156.04, 4156.96, 4156.999, 12.34, 0]) {
      expect(Math.ceil(sentenceAttr(x) - 1e-6)).toBe(linkSecond({ startSeconds: x }));
      expect(sentenceAttr(x)).toBeGreaterThanOrEqual(x);
    }
  });
});
