/**
 * Relevance, in one place. FlexSearch files each (term, segment) pair into one of
 * RESOLUTION score slots when indexing; we make the slot a quantized BM25 term
 * weight (term frequency, damped by segment length), so slot 0 holds the segments
 * where a word matters most and a stray word in a long monologue lands in a late
 * slot. The engine turns slots back into weights with `slotWeight`, and computes
 * the same slot itself when it checks a candidate from the token store.
 */

export const RESOLUTION = 8;
const K1 = 1.2;
const B = 0.75;
const MAX_IMPACT = K1 + 1;

/** BM25's term-frequency part; between 0 and K1+1. */
export function impact(tf: number, len: number, avgLen: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avgLen));
}

export function slotFor(tf: number, len: number, avgLen: number): number {
  const slot = Math.floor((1 - impact(tf, len, avgLen) / MAX_IMPACT) * RESOLUTION);
  return slot < 0 ? 0 : slot >= RESOLUTION ? RESOLUTION - 1 : slot;
}

const SLOT_WEIGHTS = Array.from({ length: RESOLUTION }, (_, s) => MAX_IMPACT * (1 - (s + 0.5) / RESOLUTION));

export function slotWeight(slot: number): number {
  return SLOT_WEIGHTS[slot] ?? 0;
}

/** Rare words say more than common ones (BM25 idf, kept positive). */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Field weights, added up per query word: a word in a chapter title beats even a
 * dense mention in the text (the title says the whole chapter is about it); a
 * document title (matched at the document's start) about as much as an ordinary
 * mention, so the passage that says it comes first; the speaker's name least.
 */
export const FIELD_WEIGHT = { text: 1, chapterTitle: 2.4, documentTitle: 1, speaker: 0.6 } as const;

/** How the word matched: as typed, as the start of a longer word, or as a likely typo. */
export const MATCH_QUALITY = { exact: 1, prefix: 0.85, typo: 0.7 } as const;

/** A segment tagged with a topic the query names (PIP → pips) is squarely on it. */
export const TOPIC_WEIGHT = 2.5;
/** With a topic filter, segments most about that topic come first among equals. */
export const FILTER_TOPIC_WEIGHT = 0.8;

/**
 * FlexSearch `score` option for the text field: content is the encoded token list of
 * one segment, `term` one of its tokens. Counting occurrences is cached per segment
 * (FlexSearch calls this once per distinct term, in order).
 */
export function makeSlotScorer(avgLen: number): (content: string[], term: string) => number {
  let last: string[] | null = null;
  let counts = new Map<string, number>();
  return (content, term) => {
    if (content !== last) {
      last = content;
      counts = new Map();
      for (const t of content) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return slotFor(counts.get(term) ?? 1, content.length, avgLen);
  };
}
