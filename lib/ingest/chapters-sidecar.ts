import { isRecord, parseJson } from './cues';
import { isReasonableSeconds, MAX_SECONDS, parseTimestamp } from '@/lib/text/time';
import { LIMITS } from './limits';
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
  tooMany(root.chapters.length, 'chapters.json');
  const out: ParsedChapter[] = [];
  root.chapters.forEach((c: unknown, i) => {
    if (!isRecord(c)) throw new ParseError(`chapters.json: chapters[${i}] is not an object`);
    if (!isNum(c.startTime) || !isReasonableSeconds(c.startTime)) throw new ParseError(`chapters.json: chapters[${i}].startTime is not a time in seconds from 0 to ${MAX_SECONDS} (100 hours)`);
    if (c.title !== undefined && typeof c.title !== 'string') throw new ParseError(`chapters.json: chapters[${i}].title is not text`);
    if (c.endTime !== undefined && (!isNum(c.endTime) || c.endTime < c.startTime || !isReasonableSeconds(c.endTime))) {
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
  tooMany(lines.length, 'chapters list');
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

/** Refused before any work is done on them: a count past the limit is never a real episode's. */
function tooMany(n: number, where: string): void {
  if (n > LIMITS.chapters) throw new ParseError(`${where}: ${n.toLocaleString('en')} chapters, over the limit of ${LIMITS.chapters.toLocaleString('en')} per document`);
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
  let lastSegmentStart: number | null = null;
  for (const s of doc.segments) if (s.startSeconds !== null && (lastSegmentStart === null || s.startSeconds > lastSegmentStart)) lastSegmentStart = s.startSeconds;
  const duration = doc.durationSeconds ?? null;

  // the next timed chapter's start for each chapter, from the end: one pass
  const nextStart: (number | null)[] = new Array(chapters.length).fill(null);
  for (let i = chapters.length - 2, next: number | null = null; i >= 0; i--) {
    const after = chapters[i + 1]!.startSeconds;
    if (after !== null) next = after;
    nextStart[i] = next;
  }
  const withEnds = chapters.map((c, i): ParsedChapter => {
    if (c.endSeconds !== null || c.startSeconds === null) return { ...c };
    const next = nextStart[i] ?? null;
    if (next !== null) return { ...c, endSeconds: next };
    if (duration !== null && duration >= c.startSeconds) return { ...c, endSeconds: duration };
    if (lastSegmentStart !== null && lastSegmentStart >= c.startSeconds) {
      return { ...c, endSeconds: lastSegmentStart, estimated: true };
    }
    return { ...c };
  });

  // timed chapters by start (stable, so of equal starts the later one wins, as it always has)
  const order = withEnds.map((c, i) => i).filter((i) => withEnds[i]!.startSeconds !== null);
  order.sort((a, b) => withEnds[a]!.startSeconds! - withEnds[b]!.startSeconds! || a - b);
  const starts = order.map((i) => withEnds[i]!.startSeconds!);
  const segments = doc.segments.map((s) => {
    if (s.startSeconds === null) return { ...s, chapterIndex: null };
    // the last chapter starting at or before the segment: a binary search, not a scan of every chapter
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= s.startSeconds) lo = mid + 1;
      else hi = mid;
    }
    return { ...s, chapterIndex: lo === 0 ? null : order[lo - 1]! };
  });
  return { ...doc, chapters: withEnds, segments };
}
