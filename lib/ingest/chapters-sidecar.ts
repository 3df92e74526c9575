import { isRecord, parseJson } from './cues';
import { parseTimestamp } from '@/lib/text/time';
import { ParseError, type ParsedChapter, type ParsedDocument } from './types';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * NAME.chapters.json, Podcasting 2.0 chapters: {version, chapters: [{startTime, title, endTime?, toc?}]}.
 * Chapters with `toc: false` or without a title only change artwork in players, so they are skipped.
 */
export function parsePodcastChapters(jsonText: string): ParsedChapter[] {
  const root = parseJson(jsonText, 'chapters.json');
  if (!isRecord(root) || !Array.isArray(root.chapters)) {
    throw new ParseError('chapters.json: expected an object with a "chapters" array');
  }
  const out: ParsedChapter[] = [];
  root.chapters.forEach((c: unknown, i) => {
    if (!isRecord(c)) throw new ParseError(`chapters.json: chapters[${i}] is not an object`);
    if (!isNum(c.startTime) || c.startTime < 0) throw new ParseError(`chapters.json: chapters[${i}].startTime is not a time in seconds`);
    if (c.title !== undefined && typeof c.title !== 'string') throw new ParseError(`chapters.json: chapters[${i}].title is not text`);
    if (c.endTime !== undefined && (!isNum(c.endTime) || c.endTime < c.startTime)) {
      throw new ParseError(`chapters.json: chapters[${i}].endTime is not a time after its startTime`);
    }
    if (c.toc === false || !c.title?.trim()) return;
    checkStart(out, c.startTime, `chapters.json: chapters[${i}]`);
    out.push({ title: c.title.trim(), startSeconds: c.startTime, endSeconds: isNum(c.endTime) ? c.endTime : null, estimated: false });
  });
  return out;
}

const TIME = String.raw`[[(]?(\d{1,3}:\d{2}(?::\d{2})?)[\])]?`;
const TIME_FIRST = new RegExp(String.raw`^${TIME}\s*(?:[-–—:|]\s*)?(.*)$`);
const TIME_LAST = new RegExp(String.raw`^(.*?)\s*(?:[-–—|]\s*)?${TIME}$`);

/**
 * YouTube-description chapter lines from a sidecar's `chapters:` list:
 * "00:00 Intro", "05:12 - Getting promoted", "[1:02:03] Leaving", "Leaving 1:02:03".
 * Errors name the item ("chapter 3"): the list came out of YAML, so its line is not known here.
 */
export function parseChapterLines(lines: readonly string[]): ParsedChapter[] {
  const out: ParsedChapter[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const where = `chapter ${i + 1} ("${line}")`;
    const first = TIME_FIRST.exec(line);
    const last = first ? null : TIME_LAST.exec(line);
    const [time, title] = first ? [first[1]!, first[2]!] : last ? [last[2]!, last[1]!] : [null, ''];
    if (time === null) throw new ParseError(`${where}: expected a time and a title, like "05:12 Getting promoted"`);
    const start = parseTimestamp(time);
    if (start === null) throw new ParseError(`${where}: "${time}" is not a valid time`);
    if (!title.trim()) throw new ParseError(`${where}: has no title`);
    checkStart(out, start, where);
    out.push({ title: title.trim(), startSeconds: start, endSeconds: null, estimated: false });
  });
  return out;
}

function checkStart(previous: readonly ParsedChapter[], start: number, where: string): void {
  const prev = previous[previous.length - 1]?.startSeconds;
  if (prev != null && start < prev) throw new ParseError(`${where}: starts before the chapter above it`);
}

/**
 * Puts sidecar chapters on a document: a chapter without an end ends where the next
 * one starts, the last one at the media's duration (or, failing that, at the last
 * segment's start, which is a guess and marked estimated). Each timed segment goes
 * to the chapter it starts in; a segment before the first chapter belongs to none.
 */
export function applyChapters(doc: ParsedDocument, chapters: readonly ParsedChapter[]): ParsedDocument {
  if (!chapters.length) return doc;
  const starts = doc.segments.map((s) => s.startSeconds).filter((s): s is number => s !== null);
  const lastSegmentStart = starts.length ? Math.max(...starts) : null;
  const duration = doc.durationSeconds ?? null;

  const withEnds = chapters.map((c, i): ParsedChapter => {
    if (c.endSeconds !== null || c.startSeconds === null) return { ...c };
    const next = chapters.slice(i + 1).find((n) => n.startSeconds !== null)?.startSeconds ?? null;
    if (next !== null) return { ...c, endSeconds: next };
    if (duration !== null && duration >= c.startSeconds) return { ...c, endSeconds: duration };
    if (lastSegmentStart !== null && lastSegmentStart >= c.startSeconds) {
      return { ...c, endSeconds: lastSegmentStart, estimated: true };
    }
    return { ...c };
  });

  const segments = doc.segments.map((s) => {
    if (s.startSeconds === null) return { ...s, chapterIndex: null };
    let best: number | null = null;
    withEnds.forEach((c, i) => {
      const cs = c.startSeconds;
      if (cs !== null && cs <= s.startSeconds! && (best === null || cs >= withEnds[best]!.startSeconds!)) best = i;
    });
    return { ...s, chapterIndex: best };
  });
  return { ...doc, chapters: withEnds, segments };
}
