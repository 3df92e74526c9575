import { describe, expect, it } from 'vitest';
import { webvtt } from '@/lib/ingest/formats/webvtt';
import { parseErrorOf, readFixture, rows } from './fixtures';

const parse = (text: string) => webvtt.parse(text, { fileName: 'talk.vtt' });

describe('webvtt', () => {
  it('skips NOTE, STYLE and REGION blocks and cue ids, reads <v> speakers, strips tags, decodes entities', () => {
    const doc = parse(readFixture('promo-talk.vtt'));
    expect(doc.format).toBe('webvtt');
    expect(doc.kind).toBe('episode');
    expect(rows(doc)).toEqual([
      ['Ana Lopez', 0, "Welcome back to Ladder Talk. Today I'm talking with Ben about his staff promotion."],
      ['Ben Okafor', 7.25, 'Thanks, Ana. It took me three cycles & one very long doc. The first packet was all scope and no impact.'],
      ['Ana Lopez', 15.5, 'What changed the third time?'],
      ['Ben Okafor', 19, 'I stopped tokenmaxxing my design docs. Shorter docs, clearer bets.'],
      ['Ana Lopez', 24, 'And the <promo committee> noticed?'],
      ['Ben Okafor', 28, 'They did. I got the title in March.'],
    ]);
    expect(doc.segments.every((s) => s.chapterIndex === null && !s.estimated)).toBe(true);
    expect(doc.chapters).toEqual([]);
  });

  it('takes the title from the file name and says so', () => {
    const doc = webvtt.parse('WEBVTT\n\n00:01.000 --> 00:02.000\nHi.\n', { fileName: 'staff_promo-talk.final.vtt' });
    expect(doc.title).toBe('Staff promo talk final');
    expect(doc.warnings.join('\n')).toMatch(/title taken from the file name/);
  });

  it('copes with a BOM and CRLF when called directly', () => {
    const doc = parse('\uFEFFWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\n<v Ana>Hello there.\r\n');
    expect(rows(doc)).toEqual([['Ana', 1, 'Hello there.']]);
  });

  it('reads "Name:" prefixes when there are no voice spans, and several voices in one cue', () => {
    const doc = parse(
      'WEBVTT\n\n00:01.000 --> 00:03.000\nAna: Were you on a PIP?\n\n00:03.000 --> 00:05.000\n<v Ben>Yes.</v> <v Ana>And then?</v>\n',
    );
    expect(rows(doc)).toEqual([
      ['Ana', 1, 'Were you on a PIP?'],
      ['Ben', 3, 'Yes.'],
      ['Ana', 3, 'And then?'],
    ]);
  });

  it('does not let an empty cue swallow the next one, and splits cues missing their blank line', () => {
    const doc = parse('WEBVTT\n\n00:01.000 --> 00:02.000\n\n00:03.000 --> 00:04.000\nOne.\n00:05.000 --> 00:06.000\nTwo.\n');
    expect(doc.segments.map((s) => s.startSeconds)).toEqual([3]);
    expect(doc.segments[0]!.text).toBe('One. Two.');
  });

  it('de-duplicates rolling YouTube auto-captions', () => {
    const doc = parse(readFixture('youtube-auto.vtt'));
    expect(rows(doc)).toEqual([[null, 0.08, 'so I left big tech after eight years and the the promo was not why']]);
  });

  it('reports a malformed timing line with its line number', () => {
    const err = parseErrorOf(() => parse(readFixture('bad-timing.vtt')));
    expect(err.line).toBe(8);
    expect(err.message).toMatch(/bad timing line "00:75.000 --> 00:76.000"/);
  });

  it('keeps a time that goes backwards as written and warns with the line', () => {
    const d = parse(readFixture('backwards.vtt'));
    expect(d.segments.length).toBeGreaterThan(0);
    expect(d.warnings.some((w) => /goes back .*line 9.*kept in file order/.test(w))).toBe(true);
  });

  it('rejects a cue that ends before it starts, and a file without the WEBVTT line', () => {
    expect(parseErrorOf(() => parse('WEBVTT\n\n00:05.000 --> 00:02.000\nHi\n')).line).toBe(3);
    expect(parseErrorOf(() => parse('WEBVT\n\n00:01.000 --> 00:02.000\nHi\n')).line).toBe(1);
  });
});
