import { describe, expect, it } from 'vitest';
import { podcastJson } from '@/lib/ingest/formats/podcast-json';
import { parseErrorOf, readFixture, rows } from './fixtures';

const parse = (text: string) => podcastJson.parse(text, { fileName: 'promo.json' });

describe('podcast-json (Podcasting 2.0)', () => {
  it('merges one-word segments into sentences with the right speakers and start times', () => {
    const doc = parse(readFixture('promo-words.podcast.json'));
    expect(doc.format).toBe('podcast-json');
    expect(rows(doc)).toEqual([
      // the lone "," segment sticks to the word before it
      ['Ana Lopez', 0.5, 'So, what actually got you promoted to staff?'],
      [
        'Ben Okafor',
        4.65,
        'Honestly, it was the migration nobody else wanted to own for two years. I wrote the plan, found the owners, and shipped it in pieces. My manager kept a running doc of the impact.',
      ],
      // three sentences and 34 words: a paragraph is done, the next sentence starts a new segment
      ['Ben Okafor', 16.55, 'Then the committee read it and said yes.'],
      ['Ana Lopez', 20.35, 'That is the opposite of tokenmaxxing.'],
    ]);
  });

  it('carries a speaker over segments that leave it out', () => {
    const doc = parse(
      JSON.stringify({
        version: '1.0.0',
        segments: [
          { speaker: 'Ana', startTime: 1, endTime: 1.2, body: 'Hello' },
          { startTime: 1.3, endTime: 1.6, body: 'there.' },
        ],
      }),
    );
    expect(rows(doc)).toEqual([['Ana', 1, 'Hello there.']]);
  });

  it('rejects the wrong shape; keeps backwards times with a warning', () => {
    expect(parseErrorOf(() => parse('{"version": "1.0.0"}')).message).toMatch(/"segments" array/);
    expect(parseErrorOf(() => parse('{"segments": [{"startTime": "0:01", "body": "x"}]}')).message).toMatch(
      /segments\[0\]\.startTime/,
    );
    const back = { segments: [{ startTime: 5, body: 'a' }, { startTime: 4, body: 'b' }] };
    expect(parse(JSON.stringify(back)).warnings.some((w) => /segments\[1\].*by up to 1 s/.test(w))).toBe(true);
  });
});
