import { describe, expect, it } from 'vitest';
import { srt } from '@/lib/ingest/formats/srt';
import { parseErrorOf, readFixture, rows } from './fixtures';

const parse = (text: string) => srt.parse(text, { fileName: 'standup.srt' });

describe('srt', () => {
  it('reads a file with a BOM and CRLF line ends; "Name:" labels carry over to unlabelled cues', () => {
    const raw = readFixture('standup-bom-crlf.srt');
    // guard against a checkout that rewrote the fixture's bytes
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    expect(raw).toContain('\r\n');
    const doc = parse(raw);
    expect(doc.format).toBe('srt');
    expect(rows(doc)).toEqual([
      ['Priya Shah', 1, 'Quick standup before the retro, everyone. Yesterday I finished the PIP check-in doc.'],
      // "Note:" is a word, not a speaker
      ['SPEAKER_02', 7.5, 'I paired with the new hire on the billing migration. Note: the migration is behind a flag.'],
      ['Priya Shah', 13, 'Good. Anyone blocked?'],
      ['Marco Rossi', 13, 'Not me.'],
      // a bare dialogue dash is an unnamed new voice, not Marco again
      [null, 16, 'I might be, on the staging database.'],
    ]);
    expect(doc.title).toBe('Standup');
  });

  it('strips <i>/<font> tags and {\\an8} overrides; tolerates missing blank lines and no final newline', () => {
    const doc = parse(
      '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Ana:</i> <font color="#fff">Hi.</font>\n2\n00:00:02,500 --> 00:00:03,000\nBye.',
    );
    expect(rows(doc)).toEqual([['Ana', 1, 'Hi. Bye.']]);
  });

  it('keeps a number that is cue text, and warns about text after a blank line', () => {
    const doc = parse('1\n00:00:01,000 --> 00:00:02,000\nThe answer was\n\n42\nall along.\n');
    expect(doc.segments[0]!.text).toBe('The answer was 42 all along.');
    expect(doc.warnings.some((w) => w.startsWith('line 5'))).toBe(true);
  });

  it('reports a malformed timing line with its line number', () => {
    const err = parseErrorOf(() => parse(readFixture('bad-timing.srt')));
    expect(err.line).toBe(6);
    expect(err.message).toMatch(/bad timing line/);
    expect(parseErrorOf(() => parse('1\n00:00:0x,000 --> 00:00:02,000\nHi\n')).line).toBe(2);
  });

  it('keeps a time that goes backwards as written, in file order, and warns with the line', () => {
    const d = parse(readFixture('backwards.srt'));
    expect(d.segments.map((s) => s.text).join(' ')).toMatch(/rough quarter\.? Then it got worse/);
    expect(d.warnings.some((w) => /1 start time goes back .*line 10.*kept in file order/.test(w))).toBe(true);
  });

  it('rejects a cue ending before it starts and text before the first cue', () => {
    expect(parseErrorOf(() => parse('1\n00:00:05,000 --> 00:00:01,000\nHi\n')).line).toBe(2);
    expect(parseErrorOf(() => parse('hello\n1\n00:00:01,000 --> 00:00:02,000\nHi\n')).line).toBe(1);
  });
});
