import { describe, expect, it } from 'vitest';
import { applyChapters, parseChapterLines, parsePodcastChapters } from '@/lib/ingest/chapters-sidecar';
import { whisperJson } from '@/lib/ingest/formats/whisper-json';
import type { ParsedDocument } from '@/lib/ingest/types';
import { parseErrorOf, readFixture } from './fixtures';

const chapter = (title: string, startSeconds: number, endSeconds: number | null = null, estimated = false) => ({
  title,
  startSeconds,
  endSeconds,
  estimated,
});

describe('parsePodcastChapters', () => {
  it('reads Podcasting 2.0 chapters, skipping toc:false and untitled entries', () => {
    expect(parsePodcastChapters(readFixture('promo-chapters.json'))).toEqual([
      chapter('Intro', 0),
      chapter('How the promotion happened', 9.5, 23),
      chapter('Writing it all down', 23.5),
    ]);
  });

  it('rejects a wrong shape, bad times and chapters out of order', () => {
    expect(parseErrorOf(() => parsePodcastChapters('{"version": "1.2.0"}')).message).toMatch(/"chapters" array/);
    expect(parseErrorOf(() => parsePodcastChapters('{"chapters": [{"startTime": "0:00", "title": "x"}]}')).message).toMatch(
      /chapters\[0\]\.startTime/,
    );
    const back = { chapters: [{ startTime: 10, title: 'b' }, { startTime: 5, title: 'a' }] };
    expect(parseErrorOf(() => parsePodcastChapters(JSON.stringify(back))).message).toMatch(/chapters\[1\].*before/);
  });
});

describe('parseChapterLines', () => {
  it('reads YouTube-description chapter lines in their common spellings', () => {
    expect(
      parseChapterLines(['00:00 Intro', '05:12 - Getting promoted', '[12:40] The PIP', '(59:59) Tokenmaxxing', 'Leaving 1:02:03']),
    ).toEqual([
      chapter('Intro', 0),
      chapter('Getting promoted', 312),
      chapter('The PIP', 760),
      chapter('Tokenmaxxing', 3599),
      chapter('Leaving', 3723),
    ]);
  });

  it('names the bad item: no time, impossible time, no title, out of order', () => {
    expect(parseErrorOf(() => parseChapterLines(['00:00 Intro', 'Getting promoted'])).message).toMatch(/^chapter 2 /);
    expect(parseErrorOf(() => parseChapterLines(['00:75 Intro'])).message).toMatch(/"00:75" is not a valid time/);
    expect(parseErrorOf(() => parseChapterLines(['05:00'])).message).toMatch(/no title/);
    expect(parseErrorOf(() => parseChapterLines(['05:00 B', '01:00 A'])).message).toMatch(/chapter 2 .*before/);
  });
});

describe('applyChapters', () => {
  const verbose = () => whisperJson.parse(readFixture('promo-verbose.whisper.json'), { fileName: 'promo.json' });

  it('ends each chapter at the next start, the last at the duration, and files segments by start time', () => {
    const doc = applyChapters(verbose(), parsePodcastChapters(readFixture('promo-chapters.json')));
    expect(doc.chapters).toEqual([
      chapter('Intro', 0, 9.5),
      chapter('How the promotion happened', 9.5, 23),
      chapter('Writing it all down', 23.5, 42.7),
    ]);
    // segments start at 0, 9.9 and 23.5
    expect(doc.segments.map((s) => s.chapterIndex)).toEqual([0, 1, 2]);
  });

  it('without a duration the last chapter ends at the last segment start, marked estimated; earlier segments get no chapter', () => {
    const base: ParsedDocument = { ...verbose(), durationSeconds: null };
    const doc = applyChapters(base, parseChapterLines(['00:05 Promotion', '00:20 Writing']));
    expect(doc.chapters).toEqual([chapter('Promotion', 5, 20), chapter('Writing', 20, 23.5, true)]);
    expect(doc.segments.map((s) => s.chapterIndex)).toEqual([null, 0, 1]);
    expect(base.chapters).toEqual([]); // the input is not changed
  });

  it('invents nothing for a document without chapters', () => {
    const doc = verbose();
    expect(applyChapters(doc, [])).toBe(doc);
    expect(doc.chapters).toEqual([]);
    expect(doc.segments.every((s) => s.chapterIndex === null)).toBe(true);
  });
});
