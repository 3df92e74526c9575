/** Finding words in a transcript's text, the same way in the stored text and in the page. */

export interface FindMatch {
  ordinal: number;
  part: number;
  /** which match within the segment (0 for its first) */
  k: number;
}

/**
 * The query as a case-insensitive pattern: its words in order, any run of
 * white space between them. Null for a query under two characters (every
 * page would match).
 */
export function findRegExp(query: string): RegExp | null {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.join(' ').length < 2) return null;
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'giu');
}

/** Every match of `re` in the segments' texts, in reading order. */
export function findMatches(segments: readonly (readonly [ordinal: number, part: number, text: string])[], re: RegExp): FindMatch[] {
  const out: FindMatch[] = [];
  for (const [ordinal, part, text] of segments) {
    let k = 0;
    for (const _ of text.matchAll(re)) out.push({ ordinal, part, k: k++ });
  }
  return out;
}
