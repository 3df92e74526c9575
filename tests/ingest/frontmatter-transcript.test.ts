import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontmatterTranscript } from '@/lib/ingest/formats/frontmatter-transcript';
import { ParseError, type ParsedDocument, type ParsedSegment } from '@/lib/ingest/types';
import { findCorpusFile, readCorpusText } from '../support/corpus';

const FIXTURES = path.resolve(__dirname, '../fixtures/formats');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const parse = (text: string) => frontmatterTranscript.parse(text, { fileName: 'test.md' });

/** Consecutive segments by the same speaker count as one turn, even across a chapter heading. */
const speakerRuns = (segments: ParsedSegment[]) =>
  segments.filter((s, i) => i === 0 || s.speaker !== segments[i - 1]!.speaker).length;

/** The ParseError thrown by fn, so tests can check both message and line. */
function parseError(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error('expected a ParseError');
}

const HEAD = ['---', 'title: Invented test episode', 'guest: Ana Lind', 'host: Bo Kim', 'duration: 30'];
/** Front matter (lines 1-5 + extra keys) and a body; line numbers in assertions follow from this layout. */
const doc = (body: string[], extraKeys: string[] = []) => [...HEAD, ...extraKeys, '---', ...body].join('\n');

describe('frontmatter-transcript on the real corpus', () => {
  const text = readCorpusText(findCorpusFile((t) => t.startsWith('---\n') && t.includes('\n### ')));
  const parsed: ParsedDocument = parse(text);

  it('maps every front-matter field', () => {
    expect(parsed.format).toBe('frontmatter-transcript');
    expect(parsed.kind).toBe('episode');
    expect(parsed.show).toBeTruthy();
    expect(parsed.title).toBeTruthy();
    expect(parsed.description).toBeTruthy();
    expect(parsed.publishedOn).toBe('2025-08-15');
    expect(parsed.durationSeconds).toBe(5460);
    const guest = parsed.people.find((p) => p.role === 'guest');
    expect(guest).toMatchObject({ name: expect.any(String), biggestRole: expect.any(String), currentCompany: expect.any(String), companySize: expect.any(String) });
    expect(guest!.careerStartYear).toEqual(expect.any(Number));
    expect(parsed.people.filter((p) => p.role === 'host')).toHaveLength(1);
    expect(parsed.warnings).toEqual([]);
  });

  it('finds 21 chapters matching the front-matter list, timed from their first turn', () => {
    expect(parsed.chapters).toHaveLength(21);
    expect(parsed.chapters.every((c) => !c.estimated)).toBe(true);
    const pip = parsed.chapters.find((c) => c.title === 'Can you get out of a PIP?');
    expect(pip?.startSeconds).toBe(4135);
    expect(parsed.chapters.at(-1)!.endSeconds).toBe(5460);
    parsed.chapters.slice(0, -1).forEach((c, i) => expect(c.endSeconds).toBe(parsed.chapters[i + 1]!.startSeconds));
  });

  it('makes one segment per timestamped turn line, including turns with text on the same line', () => {
    // the file has 84 `Name HH:MM:SS:` lines (the brief said 86; counted by hand and by grep it is 84)
    const turnLines = text.split('\n').filter((l) => /^\w+ \d{2}:\d{2}:\d{2}:/.test(l));
    expect(turnLines).toHaveLength(84);
    expect(parsed.segments).toHaveLength(84);
    // four times the host keeps talking across a chapter heading
    expect(speakerRuns(parsed.segments)).toBe(80);
    expect(new Set(parsed.segments.map((s) => s.speaker))).toEqual(new Set(['Ryan', 'Stefan']));
    expect(parsed.segments[0]!.startSeconds).toBe(59);
    expect(parsed.segments.every((s) => !s.estimated && s.text.trim() !== '' && s.chapterIndex !== null)).toBe(true);
    const sameLine = parsed.segments.filter((s) => s.startSeconds === 3831);
    expect(sameLine).toHaveLength(1);
    expect(sameLine[0]!.text.split('\n\n').length).toBeGreaterThan(1);
  });
});

describe('frontmatter-transcript dialects (invented fixtures)', () => {
  it('reads podcast_name/guest_name/episode_* keys, DD/MM/YYYY and `Name HH:MM:SS:` turns', () => {
    const d = parse(fixture('fm-podcast-keys.md'));
    expect(d).toMatchObject({ show: 'Fixture Pod', publishedOn: '2024-02-03', durationSeconds: 720, title: 'Fixture: From support desk to principal' });
    expect(d.people).toEqual([
      { name: 'Ilse Varga', role: 'guest', biggestRole: 'Principal Engineer at Quillmate', currentCompany: 'Bramblecloud', companySize: '100s', careerStartYear: 2009 },
      { name: 'Tomas Berg', role: 'host' },
    ]);
    expect(d.chapters.map((c) => [c.title, c.startSeconds, c.endSeconds])).toEqual([
      ['First job on the support desk', 5, 190],
      ['Promo packet, take two', 190, 480],
      ['Why I went back to IC', 480, 720],
    ]);
    expect(d.segments.map((s) => [s.speaker, s.startSeconds, s.chapterIndex])).toEqual([
      ['Tomas', 5, 0], ['Ilse', 20, 0], ['Tomas', 190, 1], ['Ilse', 210, 1], ['Tomas', 480, 2], ['Tomas', 495, 2], ['Ilse', 520, 2],
    ]);
    expect(d.segments[1]!.text).toBe('On a support desk, answering tickets about a billing tool.\n\nI started reading its code to answer faster.');
    expect(d.segments[2]!.text).toBe('So the first packet was rejected?');
    expect(d.warnings).toEqual([]);
  });

  it('reads title/guest/channel/publish_date/duration_seconds/youtube_url keys, `(MM:SS):` turns and time-only continuations without chapters', () => {
    const d = parse(fixture('fm-youtube-keys.md'));
    expect(d).toMatchObject({
      show: 'Fixture Channel',
      publishedOn: '2023-11-30',
      durationSeconds: 1500,
      mediaUrl: 'https://www.youtube.com/watch?v=fixture0001',
      description: 'Invented fixture with a flat transcript and no chapters.',
    });
    expect(d.people[0]).toMatchObject({ name: 'Odile Marchetti', role: 'guest', biggestRole: 'Staff Engineer', currentCompany: 'Tessellate' });
    expect(d.chapters).toEqual([]);
    expect(d.segments.map((s) => [s.speaker, s.startSeconds, s.chapterIndex])).toEqual([
      ['Ravi', 15, null], ['Odile', 21, null], ['Odile', 65, null], ['Ravi', 760, null], ['Odile', 782, null],
    ]);
  });

  it('reads `(HH:MM:SS):` turns; keeps headings over a disagreeing list; skips empty turns; times empty chapters from the next', () => {
    const d = parse(fixture('fm-paren-hours.md'));
    expect(d.publishedOn).toBe('2024-02-29');
    expect(d.durationSeconds).toBe(75 * 60);
    expect(d.chapters).toEqual([
      { title: 'The warning signs', startSeconds: 60, endSeconds: 1200, estimated: false },
      { title: 'The written plan', startSeconds: 1200, endSeconds: 1200, estimated: true },
      { title: 'What the plan asked for', startSeconds: 1200, endSeconds: 3723, estimated: false },
      { title: 'Afterwards', startSeconds: 3723, endSeconds: 4500, estimated: false },
    ]);
    expect(d.segments.map((s) => s.startSeconds)).toEqual([60, 90, 1210, 3723, 3750]);
    expect(d.warnings).toEqual([
      expect.stringMatching(/line 23.*no text/),
      expect.stringMatching(/chapter list.*disagrees/),
      expect.stringMatching(/"The written plan".*no turns/),
    ]);
  });

  it('accepts more key aliases: show, date as YYYY-MM-DD, url, company, duration in minutes text', () => {
    const d = parse(['---', 'episode_title: T', 'show: S', 'date: 2024-01-05', 'url: https://example.com/ep1', 'duration: 90 min', '---', 'Al 00:00:10: Hi.'].join('\n'));
    expect(d).toMatchObject({ title: 'T', show: 'S', publishedOn: '2024-01-05', mediaUrl: 'https://example.com/ep1', durationSeconds: 5400 });
  });

  it('gives chapters from the list without times when the body has no headings', () => {
    const d = parse(doc(['Ana 00:00:05: Hello.'], ['chapters: [One, Two]']));
    expect(d.chapters).toEqual([
      { title: 'One', startSeconds: null, endSeconds: null, estimated: true },
      { title: 'Two', startSeconds: null, endSeconds: null, estimated: true },
    ]);
    expect(d.segments[0]!.chapterIndex).toBeNull();
    expect(d.warnings.some((w) => /no `###` headings/.test(w))).toBe(true);
  });

  it('warns about unknown keys instead of dropping them silently', () => {
    const d = parse(doc(['Ana 00:00:05: Hello.'], ['mood: sunny']));
    expect(d.warnings).toEqual([expect.stringMatching(/"mood" \(line 6\)/)]);
  });
});

describe('frontmatter-transcript errors', () => {
  it('rejects a duration that is not a number, naming field and line', () => {
    const e = parseError(() => parse(doc(['Ana 00:00:05: Hi.']).replace('duration: 30', 'duration: about an hour')));
    expect(e.message).toMatch(/"duration" on line 5/);
    expect(e.line).toBe(5);
  });

  it('rejects dates that are not dates', () => {
    for (const bad of ['31/02/2024', 'next tuesday', '2024-13-01']) {
      const e = parseError(() => parse(doc(['Ana 00:00:05: Hi.'], [`episode_date: ${bad}`])));
      expect(e.message).toMatch(/"episode_date" on line 6 is not a date/);
      expect(e.line).toBe(6);
    }
  });

  it('rejects a career start year that is not a year and a list where text is expected', () => {
    expect(parseError(() => parse(doc(['Ana 00:00:05: Hi.'], ['yoe-starting: soon']))).line).toBe(6);
    expect(parseError(() => parse(doc(['Ana 00:00:05: Hi.'], ['company: {name: X}']))).message).toMatch(/"company".*must be text/);
  });

  it('reports front matter that never closes at line 1', () => {
    const e = parseError(() => parse(HEAD.join('\n') + '\nAna 00:00:05: Hi.\n'));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/never closes/);
  });

  it('reports invalid YAML at its line', () => {
    const e = parseError(() => parse(doc(['Ana 00:00:05: Hi.'], ['chapters: [One, Two', 'oops: 1'])));
    // the unclosed `[` on line 6 is noticed where the next key starts
    expect(e.line).toBe(7);
    expect(e.message).toMatch(/not valid YAML/);
  });

  it('rejects a malformed or out-of-range timestamp on a turn line, with its line', () => {
    const e = parseError(() => parse(doc(['Ana 00:00:05: Hi.', '', 'Bo 00:75:00:', 'Text.'])));
    expect(e.line).toBe(9);
    expect(e.message).toMatch(/00:75:00/);
    expect(parseError(() => parse(doc(['Bo (1:2:3): Hi.']))).line).toBe(7);
  });

  it('keeps timestamps that go backwards as written, in order, with a warning naming the line', () => {
    const d = parse(doc(['### A', 'Ana 00:10:00: One.', '### B', 'Bo 00:09:59: Two.']));
    expect(d.segments.map((s) => [s.text, s.startSeconds])).toEqual([['One.', 600], ['Two.', 599]]);
    expect(d.warnings).toContainEqual(expect.stringMatching(/1 turn time goes back .*line 10, by up to 1 s/));
  });

  it('rejects a body with no timestamped turns', () => {
    expect(parseError(() => parse(doc(['Just some notes.']))).message).toMatch(/no timestamped turns/);
  });
});

describe('frontmatter-transcript detection', () => {
  it('claims front matter with episode keys, even unclosed (so the error reaches the user)', () => {
    expect(frontmatterTranscript.detect(doc(['Ana 00:00:05: Hi.']))).toBe(true);
    expect(frontmatterTranscript.detect(HEAD.join('\n'))).toBe(true);
  });

  it('leaves a blog post with only title/date, and text without front matter, to other parsers', () => {
    expect(frontmatterTranscript.detect('---\ntitle: My week\ndate: 2024-01-01\n---\nI went hiking.\n')).toBe(false);
    expect(frontmatterTranscript.detect('Ana 00:00:05: Hi.\nBo 00:00:09: Hello.\n')).toBe(false);
    expect(frontmatterTranscript.detect('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n')).toBe(false);
    expect(frontmatterTranscript.detect('{"segments": []}')).toBe(false);
  });
});

describe('frontmatter-transcript turns without a time', () => {
  it('reads `Name:` alone on its line as a turn when that name also speaks with times, and estimates its time', () => {
    const d = parse(
      doc([
        'Ana 00:01:00:',
        'One two three four five six seven eight nine ten.',
        'Bo:',
        'Eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.',
        'Ana 00:03:00:',
        'And the last one.',
      ]),
    );
    expect(d.segments.map((s) => [s.speaker, s.startSeconds, s.estimated])).toEqual([
      ['Ana', 60, false],
      // ten words into the twenty between 1:00 and 3:00
      ['Bo', 120, true],
      ['Ana', 180, false],
    ]);
    expect(d.warnings).toContainEqual(expect.stringMatching(/1 turn has a speaker and no time/));
  });

  it('leaves a lone "Note:" line in the text when no such speaker talks elsewhere', () => {
    const d = parse(doc(['Ana 00:01:00:', 'First words.', 'Note:', 'this stays in her turn.']));
    expect(d.segments).toHaveLength(1);
    expect(d.segments[0]!.text).toMatch(/Note:/);
  });
});
