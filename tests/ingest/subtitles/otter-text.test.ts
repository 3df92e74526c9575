import { describe, expect, it } from 'vitest';
import { otterText } from '@/lib/ingest/formats/otter-text';
import { parseErrorOf, readFixture, rows } from './fixtures';

const parse = (text: string) => otterText.parse(text, { fileName: 'leaving-big-tech.txt' });

describe('otter-text', () => {
  it('reads M:SS and H:MM:SS turn headers, the title lines and drops the Otter footer', () => {
    const doc = parse(readFixture('otter.txt'));
    expect(doc.format).toBe('otter-text');
    expect(doc.title).toBe('Leaving Big Tech, Episode 4');
    expect(doc.warnings).toEqual([]);
    expect(rows(doc)).toEqual([
      ['Ana Lopez', 0, "Welcome. Today we're talking about leaving big tech after a decade."],
      ['Ben Okafor', 9, 'Thanks for having me. I left in the spring, right after my staff promo came through. That timing surprised everyone.'],
      ['Ana Lopez', 3598, "Let's jump ahead. Where are you now?"],
      ['Ben Okafor', 3604, 'A forty-person startup. I write code again every day.'],
      ['Ana Lopez', 3750, 'One space before the time still counts.'],
    ]);
  });

  it('without a title line, names the document after the file and says so', () => {
    const doc = parse('Speaker 1  0:00\nHello.\n\nSpeaker 2  0:04\nHi.\n');
    expect(doc.title).toBe('Leaving big tech');
    expect(doc.warnings.join()).toMatch(/title taken from the file name/);
    expect(rows(doc)).toEqual([
      ['Speaker 1', 0, 'Hello.'],
      ['Speaker 2', 4, 'Hi.'],
    ]);
  });

  it('keeps a backwards header time with a warning; reports an impossible one with its line', () => {
    const back = 'Ana  0:10\nFirst.\n\nBen  0:05\nSecond.\n';
    expect(parse(back).warnings.some((w) => /line 4.*by up to 5 s/.test(w))).toBe(true);
    const bad = 'Ana  0:10\nFirst.\n\nBen  0:75\nSecond.\n';
    expect(parseErrorOf(() => parse(bad))).toMatchObject({ line: 4, message: expect.stringMatching(/bad time "0:75"/) });
  });
});
