import { sentenceSpans, wordOffsets, type SentenceSpan } from '@/lib/text/sentences';

/** `segments.marks`: [char offset, seconds, 1 exact | 0 estimated], ascending. */
export type TextMark = readonly [at: number, seconds: number, exact: 0 | 1];

/** One turn (or part of one) with what is known about its times. */
export interface TimedTurn {
  text: string;
  /** when the turn starts; null for untimed documents */
  startSeconds: number | null;
  /** whether that start was estimated rather than given */
  estimated?: boolean;
  /** when the next turn starts (the end of this one); null when unknown */
  endSeconds?: number | null;
  marks?: readonly TextMark[] | null;
}

export interface SentenceTime extends SentenceSpan {
  /** fractional seconds */
  startSeconds: number;
  endSeconds: number;
  /** given by the source (the turn's own start, or a mark at the sentence's start), not interpolated */
  exact: boolean;
}

/** Conversational English runs at about 150 words a minute; used only when a turn's end is unknown. */
export const WORDS_PER_SECOND = 2.5;

interface Anchor {
  word: number;
  seconds: number;
  exact: boolean;
}

/** Index of the first word starting at or after `offset` (words.length when none does). */
function wordAtOffset(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The known times of a turn as (word index, seconds): its start, each mark,
 * its end. Times never run backwards: a mark earlier than the one before it
 * (the source's mistake, imported with a warning) is dropped, and an end
 * before the last mark is replaced by an estimate from the words left.
 */
function anchorsOf(turn: TimedTurn, start: number, wordStarts: readonly number[]): Anchor[] {
  const total = wordStarts.length;
  const anchors: Anchor[] = [{ word: 0, seconds: start, exact: !turn.estimated }];
  for (const [at, seconds, exact] of turn.marks ?? []) {
    const word = wordAtOffset(wordStarts, at);
    const last = anchors.at(-1)!;
    if (word >= total || seconds < last.seconds) continue;
    if (word === last.word) {
      // a stamp at the very start of the turn (or two at one place): the later, more specific one wins
      anchors[anchors.length - 1] = { word, seconds, exact: exact === 1 };
      continue;
    }
    anchors.push({ word, seconds, exact: exact === 1 });
  }
  const last = anchors.at(-1)!;
  const leftWords = total - last.word;
  const given = turn.endSeconds ?? null;
  const end = given !== null && given >= last.seconds && (given > last.seconds || leftWords === 0) ? given : last.seconds + leftWords / WORDS_PER_SECOND;
  anchors.push({ word: total, seconds: end, exact: false });
  return anchors;
}

/**
 * Times for every sentence of a turn: exact where the source gives them (the
 * turn's start, inline stamps or cue times in `marks`), otherwise estimated by
 * word position between the nearest known times around it. Returns [] for an
 * untimed turn.
 */
export function sentenceTimes(turn: TimedTurn): SentenceTime[] {
  if (turn.startSeconds === null) return [];
  const words = wordOffsets(turn.text);
  const spans = sentenceSpans(turn.text, { words });
  if (spans.length === 0) return [];
  const anchors = anchorsOf(turn, turn.startSeconds, words.starts);
  const timeAt = (word: number): { seconds: number; exact: boolean } => {
    let i = 0;
    while (i + 1 < anchors.length - 1 && anchors[i + 1]!.word <= word) i++;
    const a = anchors[i]!;
    const b = anchors[i + 1]!;
    if (a.word === word) return { seconds: a.seconds, exact: a.exact };
    const share = (word - a.word) / Math.max(1, b.word - a.word);
    return { seconds: a.seconds + share * (b.seconds - a.seconds), exact: false };
  };
  const end = anchors.at(-1)!.seconds;
  const starts = spans.map((s) => timeAt(s.word));
  return spans.map((s, i) => ({
    ...s,
    startSeconds: starts[i]!.seconds,
    endSeconds: starts[i + 1]?.seconds ?? end,
    exact: starts[i]!.exact,
  }));
}

/**
 * The whole second a link to this sentence should carry: rounded up, so that
 * the sentence (and not the one before it) is the one that covers it.
 */
export function linkSecond(sentence: { startSeconds: number }): number {
  return Math.ceil(sentence.startSeconds - 1e-6);
}

/**
 * The sentence a second points at: the last one whose link second is at or
 * before `t` (the first of several sharing that second). Before the first,
 * the first. -1 for no sentences.
 */
export function sentenceIndexAt(sentences: readonly { startSeconds: number }[], t: number): number {
  let best = sentences.length > 0 ? 0 : -1;
  for (let i = 1; i < sentences.length; i++) {
    const s = linkSecond(sentences[i]!);
    if (s > t) break;
    if (s > linkSecond(sentences[best]!)) best = i;
  }
  return best;
}

/**
 * The second of the sentence holding character `offset` of the turn (a search
 * match, say), for a `?t=` link that lands on that sentence. Null when the
 * turn is untimed.
 */
export function secondAtOffset(turn: TimedTurn, offset: number): number | null {
  const sentences = sentenceTimes(turn);
  if (sentences.length === 0) return turn.startSeconds === null ? null : Math.floor(turn.startSeconds);
  let hit = sentences[0]!;
  for (const s of sentences) {
    if (s.from > offset) break;
    hit = s;
  }
  return linkSecond(hit);
}

/**
 * Each segment's end for `sentenceTimes`: the start of the segment after it
 * (the next turn, or the next part of a turn split for length), null for the
 * last one. Segments come in ordinal order.
 */
export function withTurnEnds<T extends { startSeconds: number | null }>(segments: readonly T[]): (T & { endSeconds: number | null })[] {
  return segments.map((s, i) => ({ ...s, endSeconds: segments[i + 1]?.startSeconds ?? null }));
}

/**
 * A sentence's start as the page writes it (`data-t`): tenths of a second,
 * rounded up, so the browser, reading it back, finds the same sentence for a
 * second as the server did (rounding up never crosses a whole second).
 */
export function sentenceAttr(startSeconds: number): number {
  return Math.ceil(startSeconds * 10 - 1e-6) / 10;
}
