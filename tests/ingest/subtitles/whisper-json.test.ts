import { describe, expect, it } from 'vitest';
import { whisperJson } from '@/lib/ingest/formats/whisper-json';
import { parseErrorOf, readFixture, rows } from './fixtures';

const parse = (text: string) => whisperJson.parse(text, { fileName: 'pip.json' });

describe('whisper-json', () => {
  it('reads plain Whisper output without words and leaves out segments Whisper marked as silence', () => {
    const doc = parse(readFixture('pip-plain.whisper.json'));
    expect(doc.format).toBe('whisper-json');
    expect(doc.durationSeconds ?? null).toBeNull();
    expect(rows(doc)).toEqual([
      [
        null,
        0,
        'I spent six years at a big tech company before I left. The last year was a performance improvement plan, a PIP. Nobody tells you that a PIP is mostly paperwork for a decision already made.',
      ],
      [null, 16, 'So I started interviewing while still on the plan. Three months later I had an offer from a startup.'],
    ]);
    expect(doc.segments.map((s) => s.text).join(' ')).not.toContain('Thank you');
    expect(doc.warnings.join('\n')).toMatch(/1 segment\(s\) Whisper itself marked as probable silence/);
  });

  it('reads verbose_json with words, language and duration; speakers from segments or their words', () => {
    const doc = parse(readFixture('promo-verbose.whisper.json'));
    expect(doc.durationSeconds).toBe(42.7);
    expect(rows(doc)).toEqual([
      ['SPEAKER_00', 0, 'Welcome to the show, Priya. You went from senior to staff in eighteen months. How?'],
      ['SPEAKER_01', 9.9, 'I picked the problem my director worried about at night. Then I wrote down every decision so others could check it.'],
      ['SPEAKER_00', 23.5, 'That sounds like a lot of writing.'],
    ]);
  });

  it('rejects the wrong shape; keeps backwards segments with a warning; broken JSON gets a line number', () => {
    expect(parseErrorOf(() => parse('{"text": "hi"}')).message).toMatch(/"segments" array/);
    expect(parseErrorOf(() => parse('{"segments": [{"start": 0, "end": 1}]}')).message).toMatch(/segments\[0\]\.text/);
    const back = { segments: [{ start: 3, end: 4, text: 'a' }, { start: 1, end: 2, text: 'b' }] };
    expect(parse(JSON.stringify(back)).warnings.some((w) => /segments\[1\].*kept in file order/.test(w))).toBe(true);
    expect(parseErrorOf(() => parse('{\n"segments": [\n{"start": 0 "end": 1}\n]}')).line).toBe(3);
  });
});
