import { cutAtWord, splitLongText } from '@/lib/text/split-long';
import { isReasonableSeconds, MAX_SECONDS } from '@/lib/text/time';
import { LIMITS } from './limits';
import { ParseError, type ParsedDocument, type ParsedSegment, type TimeMark } from './types';

const fmt = (n: number) => n.toLocaleString('en');

/**
 * The last step of parsing one file: its document within LIMITS. Counts past a
 * limit (chapters, segments, speakers) and impossible times are errors; a field
 * too long is cut at a word with a warning; a turn too long is split at
 * paragraph or sentence ends into segments that keep its `turn` index. One pass
 * over the segments, no recursion.
 */
export function enforceLimits(doc: ParsedDocument): ParsedDocument {
  if (doc.chapters.length > LIMITS.chapters) throw new ParseError(`${fmt(doc.chapters.length)} chapters, over the limit of ${fmt(LIMITS.chapters)} per document`);
  if (doc.segments.length > LIMITS.segments) throw new ParseError(`${fmt(doc.segments.length)} segments, over the limit of ${fmt(LIMITS.segments)} per document`);
  checkTimes(doc);
  const warnings = [...doc.warnings];
  const cut = (value: string | null | undefined, max: number, what: string): string | null => {
    if (value === null || value === undefined || value.length <= max) return value ?? null;
    warnings.push(`${what} is ${fmt(value.length)} characters, over the ${fmt(max)}-character limit; cut to ${fmt(max)}`);
    return cutAtWord(value, max);
  };
  const out: ParsedDocument = {
    ...doc,
    warnings,
    title: cut(doc.title, LIMITS.titleChars, 'title')!,
    description: cut(doc.description, LIMITS.descriptionChars, 'description'),
    summary: cut(doc.summary, LIMITS.summaryChars, 'summary'),
    show: cut(doc.show, LIMITS.nameChars, 'show name'),
  };
  if (doc.mediaUrl && doc.mediaUrl.length > LIMITS.mediaUrlChars) {
    warnings.push(`media URL is ${fmt(doc.mediaUrl.length)} characters, over the ${fmt(LIMITS.mediaUrlChars)}-character limit; left out`);
    out.mediaUrl = null;
  }

  const named = doc.people.filter((p) => p.name.length <= LIMITS.nameChars);
  if (named.length < doc.people.length) {
    const longest = doc.people.reduce((n, p) => Math.max(n, p.name.length), 0);
    warnings.push(`${doc.people.length - named.length} person name(s) over the ${fmt(LIMITS.nameChars)}-character limit (the longest ${fmt(longest)}) left out`);
  }
  if (named.length > LIMITS.people) warnings.push(`${fmt(named.length)} people named, over the limit of ${fmt(LIMITS.people)}; the first ${fmt(LIMITS.people)} kept`);
  out.people = named.slice(0, LIMITS.people);

  let longTitles = 0;
  out.chapters = doc.chapters.map((c) => {
    if (c.title.length <= LIMITS.chapterTitleChars) return c;
    longTitles++;
    return { ...c, title: cutAtWord(c.title, LIMITS.chapterTitleChars) };
  });
  if (longTitles > 0) warnings.push(`${longTitles} chapter title(s) over the ${fmt(LIMITS.chapterTitleChars)}-character limit cut`);

  out.segments = boundSegments(doc.segments, warnings);
  if (warnings.length > LIMITS.warnings) {
    const more = warnings.length - LIMITS.warnings;
    out.warnings = [...warnings.slice(0, LIMITS.warnings), `… and ${fmt(more)} more warning(s) like these`];
  }
  return out;
}

/** Labels cut to the name limit, distinct labels counted, over-long turns split. */
function boundSegments(segments: readonly ParsedSegment[], warnings: string[]): ParsedSegment[] {
  const labels = new Set<string>();
  let longLabels = 0;
  let split = 0;
  let pieces = 0;
  const needsSplit = segments.some((s) => s.text.length > LIMITS.segmentChars);
  const out: ParsedSegment[] = [];
  segments.forEach((s, i) => {
    let seg = s;
    if (seg.speaker && seg.speaker.length > LIMITS.nameChars) {
      longLabels++;
      seg = { ...seg, speaker: cutAtWord(seg.speaker, LIMITS.nameChars) };
    }
    if (seg.speaker) labels.add(seg.speaker);
    // once any turn is split, every segment names its source turn, so the pieces of one share it
    if (needsSplit && seg.turn === undefined) seg = { ...seg, turn: i };
    if (seg.text.length <= LIMITS.segmentChars) {
      out.push(seg);
      return;
    }
    const parts = splitSegment(seg);
    split++;
    pieces += parts.length;
    for (const p of parts) out.push(p);
  });
  if (labels.size > LIMITS.speakers) throw new ParseError(`${fmt(labels.size)} different speakers, over the limit of ${fmt(LIMITS.speakers)} per document`);
  if (longLabels > 0) warnings.push(`${longLabels} speaker label(s) over the ${fmt(LIMITS.nameChars)}-character limit cut`);
  if (split > 0) warnings.push(`${split} turn(s) over the ${fmt(LIMITS.segmentChars)}-character limit split into ${pieces} segments at paragraph or sentence ends`);
  if (out.length > LIMITS.segments) throw new ParseError(`${fmt(out.length)} segments after splitting long turns, over the limit of ${fmt(LIMITS.segments)} per document`);
  return out;
}

/**
 * A turn in pieces. Each piece keeps the turn's speaker, kind and `turn`; the
 * marks inside it move with it; a later piece starts at the last mark at or
 * before it (estimated unless the mark is exact and right there), or at the
 * turn's start, estimated.
 */
function splitSegment(seg: ParsedSegment): ParsedSegment[] {
  const marks = seg.marks ?? [];
  let m = 0;
  let last: TimeMark | null = null;
  return splitLongText(seg.text, LIMITS.segmentChars).map(([from, to], k) => {
    while (m < marks.length && marks[m]![0] < from) last = marks[m++]!;
    const own: TimeMark[] = [];
    for (let j = m; j < marks.length && marks[j]![0] < to; j++) own.push([marks[j]![0] - from, marks[j]![1], marks[j]![2]]);
    const at: TimeMark | null = own[0] && own[0][0] === 0 ? own[0] : last;
    const piece: ParsedSegment = { ...seg, text: seg.text.slice(from, to), marks: own.length > 0 ? own : undefined };
    if (k > 0) {
      piece.startSeconds = at ? at[1] : seg.startSeconds;
      piece.estimated = at ? !(at[0] === 0 && own[0] === at && at[2] === 1) : seg.startSeconds !== null;
    }
    return piece;
  });
}

/** Every time in the document within 0..MAX_SECONDS, named by where it is. */
function checkTimes(doc: ParsedDocument): void {
  const bad = (n: number | null | undefined) => n !== null && n !== undefined && !isReasonableSeconds(n);
  const limit = `the ${MAX_SECONDS / 3600}-hour limit`;
  const show = (n: number) => (Number.isFinite(n) ? `${n} s` : String(n));
  if (bad(doc.durationSeconds)) throw new ParseError(`duration ${show(doc.durationSeconds!)} is negative or past ${limit}`);
  doc.chapters.forEach((c, i) => {
    for (const [what, n] of [['starts', c.startSeconds], ['ends', c.endSeconds]] as const) {
      if (bad(n)) throw new ParseError(`chapter ${i + 1} ("${cutAtWord(c.title, 60)}") ${what} at ${show(n!)}, negative or past ${limit}`);
    }
  });
  doc.segments.forEach((s, i) => {
    if (bad(s.startSeconds)) throw new ParseError(`segment ${i + 1} starts at ${show(s.startSeconds!)}, negative or past ${limit}`);
    for (const mark of s.marks ?? []) if (bad(mark[1])) throw new ParseError(`segment ${i + 1} has a time of ${show(mark[1])}, negative or past ${limit}`);
  });
}
