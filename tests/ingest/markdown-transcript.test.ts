import { describe, expect, it } from 'vitest';
import { detectFormat } from '@/lib/ingest/detect';
import { markdownTranscript } from '@/lib/ingest/formats/markdown-transcript';

/** Bold-label Markdown transcripts (the dialect podcast sites publish), on texts written here. */
const parse = (text: string) => markdownTranscript.parse(text, { fileName: 'my-show-12.md' });

const TEXT = [
  '**Ana Lind:** \\[00:00:10.50\\] Welcome to the show. Today we talk about *promotions* and [staff roles](https://example.org/staff).',
  '',
  '**Bo Kim:** Thanks for having me \\[laughs\\]. It took me two years.',
  'Then I moved teams.',
  '',
  'That was a new paragraph of the same answer.',
  '',
  '\\[02:00\\] Here the second paragraph has a stamp, and \\[unintelligible 00:02:10.11\\] a note.',
  '**Ana Lind**: Short question?',
  '',
  '# **Break:** \\[03:00\\] to \\[04:30\\]',
  '',
  '**Song extract:** \\[04:30\\]',
  '',
  '**Bo Kim:** \\[05:00\\] Back with the \\#2 point, and 5\\*3 is fifteen.',
].join('\n');

describe('markdown-transcript', () => {
  const d = parse(TEXT);

  it('is detected by its bold speaker labels', () => {
    expect(detectFormat(TEXT).name).toBe('markdown-transcript');
    expect(detectFormat('Some **bold** words in prose.\n\nAnd **Note:** one label.').name).not.toBe('markdown-transcript');
  });

  it('starts a turn at each label, even without a blank line before it, and continues it with unlabelled paragraphs', () => {
    expect(d.segments.map((s) => [s.turn, s.speaker, s.kind])).toEqual([
      [0, 'Ana Lind', 'speech'],
      [1, 'Bo Kim', 'speech'],
      [2, 'Ana Lind', 'speech'],
      [3, 'Break', 'break'],
      [4, 'Song extract', 'sound'],
      [5, 'Bo Kim', 'speech'],
    ]);
    expect(d.segments[1]!.text.split('\n\n')).toHaveLength(3);
  });

  it('strips Markdown: emphasis, links, escapes', () => {
    expect(d.segments[0]!.text).toBe('Welcome to the show. Today we talk about promotions and staff roles.');
    expect(d.segments[1]!.text).toMatch(/^Thanks for having me \[laughs\]\. It took me two years\. Then I moved teams\./);
    expect(d.segments[5]!.text).toBe('Back with the #2 point, and 5*3 is fifteen.');
  });

  it('times a turn exactly at its own stamp, and a stamp inside a turn exactly where it stood', () => {
    expect(d.segments[0]).toMatchObject({ startSeconds: 10.5, estimated: false });
    const bo = d.segments[1]!;
    const marks = bo.marks ?? [];
    expect(marks.map((m) => [m[1], m[2]])).toEqual([
      [120, 1],
      [130.11, 1],
    ]);
    expect(bo.text.slice(marks[0]![0])).toMatch(/^Here the second paragraph/);
    expect(bo.text.slice(marks[1]![0])).toMatch(/^\[unintelligible\] a note\./);
    expect(d.segments[3]).toMatchObject({ text: 'to', startSeconds: 180, estimated: false });
    expect(d.segments[3]!.marks).toEqual([[2, 270, 1]]);
    expect(d.segments[4]).toMatchObject({ text: '[Song extract]', startSeconds: 270, kind: 'sound' });
  });

  it('estimates the untimed turns between their neighbours by word position', () => {
    const bo = d.segments[1]!;
    const ana = d.segments[2]!;
    expect(bo.estimated).toBe(true);
    expect(bo.startSeconds).toBeGreaterThan(10.5);
    expect(bo.startSeconds).toBeLessThan(120);
    expect(ana.estimated).toBe(true);
    expect(ana.startSeconds).toBeGreaterThanOrEqual(130.11);
    expect(ana.startSeconds).toBeLessThanOrEqual(180);
  });

  it('has no title of its own: the importer composes one; the episode number comes from the file name', () => {
    expect(d.title).toBe('');
    expect(d.people).toEqual([]);
  });

  it('estimates every time at a speaking pace when the file has none, and says so', () => {
    const untimed = parse(['**A B:** one two three four five.', '', '**C D:** six seven eight nine ten.'].join('\n'));
    expect(untimed.segments.map((s) => [s.startSeconds, s.estimated])).toEqual([
      [0, true],
      [2, true],
    ]);
    expect(untimed.warnings).toContainEqual(expect.stringMatching(/no times in the transcript/));
  });

  it('keeps a time that goes back, as written, with a warning', () => {
    const back = parse(['**A B:** \\[10:00\\] one.', '', '**C D:** \\[09:59\\] two.'].join('\n'));
    expect(back.segments.map((s) => s.startSeconds)).toEqual([600, 599]);
    expect(back.warnings).toContainEqual(expect.stringMatching(/1 time goes back .*by up to 1 s/));
  });
});
