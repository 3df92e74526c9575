import { BM25_K1 } from './store';

/**
 * The text score, BM25: the last tier of the ranking (rank.ts), and the one that
 * orders matches the tiers above cannot tell apart. Per query word, the best of
 * its terms counts (a prefix does not add up every longer word it starts).
 */

/** Rare words say more than common ones (BM25 idf, kept positive). */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** BM25's term-frequency part, given the segment's length damping (SegmentStore.lenNorm). */
export function tfPart(tf: number, lenNorm: number): number {
  return (tf * (BM25_K1 + 1)) / (tf + lenNorm);
}

/**
 * A word in a title or a name counts as one occurrence in a segment of average
 * length, times this: a chapter title names what the chapter is about; a
 * document title and a speaker's name less so than the words said.
 */
export const FIELD_WEIGHT = { chapterTitle: 1.5, documentTitle: 1, speaker: 0.5 } as const;
export const FIELD_TF = tfPart(1, BM25_K1);
