/** Shapes shared by the search modules (pure data, no I/O). */

export const FACETS = ['topic', 'guest', 'show', 'speaker', 'kind', 'role'] as const;
export type Facet = (typeof FACETS)[number];
/** Facets whose values come from the archive (kinds and roles are fixed lists). */
export type LabelledFacet = 'topic' | 'guest' | 'show' | 'speaker';

export type DocumentKind = 'episode' | 'brief' | 'article' | 'note';
export const KINDS: readonly DocumentKind[] = ['episode', 'brief', 'article', 'note'];

/** A facet value as shown to people. */
export interface Labelled {
  value: string;
  label: string;
}

export interface SearchFilters {
  topic?: string;
  guest?: string;
  show?: string;
  speaker?: string;
  kind?: string;
  /** who said it: 'guest' or 'host' */
  role?: string;
}

export interface FacetCount extends Labelled {
  count: number;
}
export type Facets = Record<Facet, FacetCount[]>;

/**
 * Why a match ranks where it does, tier by tier (compared in this order; see
 * rank.ts): query words matched, typos, proximity, context, whole words, then
 * BM25 in bands, the speaker's role, and BM25 itself.
 */
export interface Tiers {
  /** query words found (fewer only in a partial match) */
  words: number;
  /** words found only through a one-letter slip */
  typos: number;
  /** 0 adjacent and in order, 1 near, 2 apart, 3 a word only in a title or name (single words: 0) */
  proximity: number;
  /** query words the chapter title holds, plus one for a topic the query names (at most 3) */
  context: number;
  /** words found as typed (or another form of the same word), not only as the start of a longer word */
  whole: number;
  /** 1 for a passage of some length, 0 for a passing remark */
  substance: number;
  /** ROLE of the speaker */
  role: number;
}

/** One ranked match, still without text: positions are enriched from SQLite by the caller. */
export interface RankedHit {
  pos: number;
  /** BM25 over the text (and titles), the last tier */
  score: number;
  tiers: Tiers;
  /** other places with the same text, folded under this one (archive order) */
  folded: number[];
}

export interface DocumentGroup {
  doc: number;
  /** matches in this document */
  count: number;
  /** start seconds of the document's matches, in order (untimed matches left out) */
  positions: number[];
  /** in episode-group paging: the document's best matches, best first */
  hits: RankedHit[];
}

export interface EngineResult {
  /** matching passages (the same text in several places counts once) */
  total: number;
  /** documents those passages are in */
  documents: number;
  fallback: boolean;
  hits: RankedHit[];
  groups: DocumentGroup[];
  facets: Facets;
  /** what to mark in snippets */
  highlight: Highlight;
}

/** Words to mark: exact tokens, prefixes (a query word matches longer words), and phrases. */
export interface Highlight {
  exact: string[];
  prefixes: string[];
  /** token sequences; with `prefix` the last one may be the start of a longer word */
  phrases: { words: string[]; prefix: boolean }[];
}
