import { groupByChapter, type GroupChapter } from './transcript';

/**
 * A long transcript is sent in parts: the page carries the part a link points
 * at, and the rest is fetched as the reader reaches it. A part is a whole
 * chapter, so a page without JavaScript shows the whole chapter it links to;
 * only a chapter too long to send at once (or a transcript with no chapters)
 * is cut into windows of about `windowWords`, at segment boundaries.
 */
export interface PartSegment {
  chapterId: number | null;
  startSeconds: number | null;
  text: string;
}

export interface TranscriptPart<C> {
  index: number;
  /** the chapter this part belongs to; `opensChapter` when its heading goes at the top of this part */
  chapter: C | null;
  opensChapter: boolean;
  /** segment indexes [from, to) into the document's segments, in reading order */
  from: number;
  to: number;
  words: number;
  /** the first timed segment's start, and the next part's (null when unknown) */
  startSeconds: number | null;
  endSeconds: number | null;
}

export interface PartOptions {
  /** a transcript up to this long is sent whole */
  wholeWords?: number;
  /** a chapter up to this long is one part */
  maxWords?: number;
  /** the size of the windows a longer chapter, or a chapterless transcript, is cut into */
  windowWords?: number;
}

export const PART_DEFAULTS: Required<PartOptions> = { wholeWords: 6_000, maxWords: 4_000, windowWords: 1_500 };

const countWords = (text: string) => (text.match(/\S+/g) ?? []).length;

export function transcriptParts<C extends GroupChapter, S extends PartSegment>(chapters: readonly C[], segments: readonly S[], opts: PartOptions = {}): TranscriptPart<C>[] {
  const { maxWords, windowWords } = { ...PART_DEFAULTS, ...opts };
  const words = segments.map((s) => countWords(s.text));
  const indexOf = new Map(segments.map((s, i) => [s, i]));
  const parts: Omit<TranscriptPart<C>, 'index' | 'endSeconds'>[] = [];
  for (const group of groupByChapter(chapters, segments)) {
    const from = group.segments.length > 0 ? indexOf.get(group.segments[0]!)! : (parts.at(-1)?.to ?? 0);
    const to = from + group.segments.length;
    const total = words.slice(from, to).reduce((a, b) => a + b, 0);
    // windows of even size: a 4,100-word chapter is two of 2,050, not 1,500 + 1,500 + 1,100
    const pieces = total <= maxWords ? 1 : Math.max(2, Math.round(total / windowWords));
    const share = total / pieces;
    let start = from;
    let acc = 0;
    for (let p = 1; p <= pieces; p++) {
      let end = start;
      const goal = p === pieces ? Infinity : share * p;
      while (end < to && (end === start || acc + words[end]! / 2 <= goal)) acc += words[end++]!;
      if (p === pieces) end = to;
      if (end === start && p > 1) break;
      parts.push({ chapter: group.chapter, opensChapter: p === 1 && group.chapter !== null, from: start, to: end, words: words.slice(start, end).reduce((a, b) => a + b, 0), startSeconds: firstStart(segments, start, end) });
      start = end;
    }
  }
  return parts.map((p, index) => ({ ...p, index, endSeconds: parts.slice(index + 1).find((n) => n.startSeconds !== null)?.startSeconds ?? null }));
}

function firstStart(segments: readonly PartSegment[], from: number, to: number): number | null {
  for (let i = from; i < to; i++) if (segments[i]!.startSeconds !== null) return segments[i]!.startSeconds;
  return null;
}

/** The part holding segment `segmentIndex`; the first part when there is none. */
export function partOfSegment<C>(parts: readonly TranscriptPart<C>[], segmentIndex: number | null): TranscriptPart<C> | null {
  if (segmentIndex === null) return parts[0] ?? null;
  return parts.find((p) => p.from <= segmentIndex && segmentIndex < p.to) ?? parts[0] ?? null;
}

/** Whether the page sends every part at once (a transcript short enough to need no fetching). */
export function sendsWhole(parts: readonly { words: number }[], opts: PartOptions = {}): boolean {
  const { wholeWords } = { ...PART_DEFAULTS, ...opts };
  return parts.reduce((n, p) => n + p.words, 0) <= wholeWords;
}
