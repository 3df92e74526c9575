export interface TimedSegment {
  ordinal: number;
  startSeconds: number | null;
}

/**
 * The segment that covers second `t`: the one with the latest start at or
 * before `t` (the first of several sharing that start, so a link to a
 * segment's own start picks it). Before the first timed segment, the first
 * one; untimed documents have no answer. Segments come in ordinal order.
 */
export function pickSegmentAt<T extends TimedSegment>(segments: readonly T[], t: number): T | null {
  let best: T | null = null;
  let first: T | null = null;
  for (const s of segments) {
    if (s.startSeconds === null) continue;
    if (!first || s.startSeconds < (first.startSeconds ?? Infinity)) first = s;
    if (s.startSeconds <= t && (!best || s.startSeconds > (best.startSeconds ?? -Infinity))) best = s;
  }
  return best ?? first;
}
