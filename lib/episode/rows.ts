import { sentenceIndexAt, sentenceTimes, type TextMark } from './sentence-times';
import { showSpeaker } from './transcript';

/** A transcript row as the page sends it to the browser: only its data, and none that is empty. */
export interface SegmentRowData {
  ordinal: number;
  start?: number;
  /** where the next segment starts: the end the sentence times are spread up to */
  end?: number;
  estimated?: boolean;
  /** the speaker's name, only on the first segment of a turn */
  speaker?: string;
  speakerSlug?: string;
  text: string;
  marks?: TextMark[];
  /** the segment a deep link points at, and the sentence in it that holds the second */
  target?: boolean;
  targetSentence?: number;
}

export interface RowSegment {
  ordinal: number;
  startSeconds: number | null;
  estimated: boolean;
  speaker: string | null;
  speakerSlug: string | null;
  text: string;
  marks?: readonly TextMark[] | null;
}

/**
 * The rows of segments [from, to) of a document: the speaker's name where it
 * changes (and on a part's first row), the next segment's start as the end,
 * and the target sentence for second `t` when the target segment is among them.
 */
export function rowsFor(segments: readonly RowSegment[], from: number, to: number, target: { ordinal: number; t: number } | null = null): SegmentRowData[] {
  const rows: SegmentRowData[] = [];
  for (let i = from; i < to; i++) {
    const s = segments[i]!;
    const end = segments[i + 1]?.startSeconds ?? null;
    const isTarget = target !== null && s.ordinal === target.ordinal;
    const row: SegmentRowData = { ordinal: s.ordinal, text: s.text };
    if (s.startSeconds !== null) row.start = s.startSeconds;
    if (s.startSeconds !== null && end !== null) row.end = end;
    if (s.estimated) row.estimated = true;
    if (showSpeaker(i > from ? segments[i - 1] : undefined, s) && s.speaker) {
      row.speaker = s.speaker;
      if (s.speakerSlug) row.speakerSlug = s.speakerSlug;
    }
    if (s.marks && s.marks.length > 0) row.marks = [...s.marks];
    if (isTarget) {
      row.target = true;
      const times = sentenceTimes({ text: s.text, startSeconds: s.startSeconds, estimated: s.estimated, endSeconds: end, marks: s.marks });
      const idx = sentenceIndexAt(times, target.t);
      if (idx >= 0) row.targetSentence = idx;
    }
    rows.push(row);
  }
  return rows;
}

/** A paragraph of a row's text as runs: plain text, or sentence `sentence` of the row. */
export type TextRun = string | { sentence: number; text: string };

/**
 * The text as paragraphs (split at blank lines, trimmed) of runs, each
 * sentence span its own run, so sentences can carry their times and be
 * highlighted without changing a character of the text.
 */
export function paragraphRuns(text: string, spans: readonly { from: number; to: number }[]): TextRun[][] {
  const out: TextRun[][] = [];
  const re = /\S[\s\S]*?(?=\n\s*\n|\s*$)/g;
  let k = 0;
  for (const m of text.matchAll(re)) {
    const pFrom = m.index;
    const pTo = pFrom + m[0].length;
    const runs: TextRun[] = [];
    let at = pFrom;
    while (k < spans.length && spans[k]!.from < pTo) {
      const s = spans[k]!;
      if (s.from > at) runs.push(text.slice(at, s.from));
      const end = Math.min(s.to, pTo);
      runs.push({ sentence: k, text: text.slice(Math.max(s.from, at), end) });
      at = end;
      k++;
    }
    if (at < pTo) runs.push(text.slice(at, pTo));
    out.push(runs);
  }
  return out;
}
