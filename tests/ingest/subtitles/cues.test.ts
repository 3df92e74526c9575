import { describe, expect, it } from 'vitest';
import { type Cue, mergeCues, splitSpeakerPrefix, titleFromFileName } from '@/lib/ingest/cues';

const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');
const wordCount = (t: string) => t.split(' ').length;

describe('mergeCues', () => {
  it('joins cues of one speaker, never across a speaker change, keeping the first cue start', () => {
    const segs = mergeCues([
      { start: 1.5, speaker: 'Ana', text: 'So the promo' },
      { start: 2.5, speaker: 'Ana', text: '  packet was\n late.' },
      { start: 4, speaker: 'Ben', text: 'It was.' },
    ]);
    expect(segs).toEqual([
      { chapterIndex: null, speaker: 'Ana', startSeconds: 1.5, estimated: false, text: 'So the promo packet was late.' },
      { chapterIndex: null, speaker: 'Ben', startSeconds: 4, estimated: false, text: 'It was.' },
    ]);
  });

  it('closes a segment at a sentence end once it has about 40 words', () => {
    const cues: Cue[] = [
      { start: 0, speaker: 'A', text: `${words(20)}.` },
      { start: 5, speaker: 'A', text: `${words(25, 20)}.` },
      { start: 10, speaker: 'A', text: 'Next thought.' },
    ];
    const segs = mergeCues(cues);
    expect(segs.map((s) => [s.startSeconds, wordCount(s.text)])).toEqual([
      [0, 45],
      [10, 2],
    ]);
  });

  it('caps unpunctuated captions at 120 words, and prefers the last sentence end when over the cap', () => {
    const raw: Cue[] = Array.from({ length: 30 }, (_, i) => ({ start: i, speaker: null, text: words(10, i * 10) }));
    const segs = mergeCues(raw);
    expect(segs.every((s) => wordCount(s.text) <= 120)).toBe(true);
    expect(segs.map((s) => s.startSeconds)).toEqual([0, 12, 24]);

    const punctuated = mergeCues([
      { start: 0, speaker: null, text: `${words(30)}` },
      { start: 1, speaker: null, text: `${words(5, 30)}.` }, // 35 words: below 40, stays open
      { start: 2, speaker: null, text: words(80, 35) },
      { start: 3, speaker: null, text: words(20, 115) },
    ]);
    expect(punctuated.map((s) => [s.startSeconds, wordCount(s.text)])).toEqual([
      [0, 35],
      [2, 100],
    ]);
  });

  it('cuts one oversized cue at sentence ends, with later pieces marked estimated', () => {
    const long = Array.from({ length: 10 }, (_, i) => `${words(29, i * 29)} end${i}.`).join(' ');
    const segs = mergeCues([{ start: 100, end: 400, speaker: 'Ben', text: long }]);
    expect(segs.length).toBeGreaterThan(1);
    expect(segs.every((s) => wordCount(s.text) <= 120 && s.text.endsWith('.'))).toBe(true);
    expect(segs[0]).toMatchObject({ startSeconds: 100, estimated: false });
    expect(segs[1]).toMatchObject({ estimated: true });
    expect(segs[1]!.startSeconds!).toBeGreaterThan(100);
    expect(segs.map((s) => s.text).join(' ')).toBe(long);
  });

  it('drops sound-only cues, honours breakBefore and attaches lone punctuation', () => {
    const segs = mergeCues([
      { start: 0, speaker: null, text: '[Music]' },
      { start: 1, speaker: null, text: 'Hello' },
      { start: 1.2, speaker: null, text: ',' },
      { start: 1.4, speaker: null, text: 'world' },
      { start: 2, speaker: null, text: 'Hi', breakBefore: true },
    ]);
    expect(segs.map((s) => [s.startSeconds, s.text])).toEqual([
      [1, 'Hello, world'],
      [2, 'Hi'],
    ]);
  });
});

describe('splitSpeakerPrefix', () => {
  it.each([
    ['Ana: Hi', 'Ana'],
    ['Ana Lopez: Hi', 'Ana Lopez'],
    ['Dr. Ana María Lopez: Hi', 'Dr. Ana María Lopez'],
    ['SPEAKER_01: Hi', 'SPEAKER_01'],
    ['Speaker 2: Hi', 'Speaker 2'],
    ['- Marco: Hi', 'Marco'],
  ])('%s → %s', (line, speaker) => expect(splitSpeakerPrefix(line)?.speaker).toBe(speaker));

  it.each(['Note: this is not a name', 'the plan: ship it', 'One Two Three Four Five: too many words', 'At 10:30 we met', 'https://x.y'])(
    'not a speaker: %s',
    (line) => expect(splitSpeakerPrefix(line)).toBeNull(),
  );
});

describe('titleFromFileName', () => {
  it('humanises the name and drops the extension', () => {
    expect(titleFromFileName('staff_promo-talk.vtt')).toBe('Staff promo talk');
    expect(titleFromFileName('/x/y/ep-12.final.srt')).toBe('Ep 12 final');
  });
});
