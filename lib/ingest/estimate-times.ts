/**
 * Times for turns a transcript does not time. Known times (exact stamps) are
 * anchors at word positions; anything between two anchors gets a time by its
 * word position between them, before the first anchor from 0:00, after the last
 * one up to the stated duration or at the document's own speaking rate.
 * Anchors are kept as written even when one goes back (jitter): estimates
 * between such a pair never go below the earlier time.
 */
export interface TimeAnchor {
  /** words before this point in the document */
  word: number;
  seconds: number;
}

/** Conversational English: about 150 words a minute; a document's own rate is kept within reason. */
export const DEFAULT_WORDS_PER_SECOND = 2.5;
const MIN_RATE = 1.2;
const MAX_RATE = 4.5;

export interface Clock {
  /** the estimated second at a word position */
  at(word: number): number;
}

export function makeClock(anchors: readonly TimeAnchor[], totalWords: number, durationSeconds: number | null): Clock {
  const points = [{ word: 0, seconds: 0 }, ...anchors.filter((a) => Number.isFinite(a.seconds) && a.seconds >= 0)];
  const last = points[points.length - 1]!;
  const rate = speakingRate(points);
  if (durationSeconds !== null && durationSeconds > last.seconds && totalWords > last.word) {
    points.push({ word: totalWords, seconds: durationSeconds });
  }
  let i = 0;
  return {
    // callers ask in word order, so the search for the enclosing pair walks forward (linear overall)
    at(word: number): number {
      if (i > 0 && points[i]!.word > word) i = 0;
      while (i + 1 < points.length && points[i + 1]!.word <= word) i++;
      const a = points[i]!;
      const b = points[i + 1];
      if (!b) return a.seconds + (word - a.word) / rate;
      const span = b.word - a.word;
      if (span <= 0 || b.seconds <= a.seconds) return a.seconds;
      return a.seconds + ((word - a.word) * (b.seconds - a.seconds)) / span;
    },
  };
}

/** Words per second between the first and last anchors that move forward, within reason. */
function speakingRate(points: readonly TimeAnchor[]): number {
  let best = DEFAULT_WORDS_PER_SECOND;
  const first = points.find((p) => p.seconds > 0);
  const last = points[points.length - 1];
  if (first && last && last.seconds > first.seconds + 60 && last.word > first.word) {
    best = (last.word - first.word) / (last.seconds - first.seconds);
  } else if (last && last.seconds > 60 && last.word > 0) {
    best = last.word / last.seconds;
  }
  return Math.min(MAX_RATE, Math.max(MIN_RATE, best));
}
