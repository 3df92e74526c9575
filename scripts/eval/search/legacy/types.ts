/** Shapes shared by the search modules (pure data, no I/O). */

export const FACETS = ['topic', 'guest', 'show', 'speaker', 'kind'] as const;
export type Facet = (typeof FACETS)[number];

export type DocumentKind = 'episode' | 'brief' | 'article' | 'note';
export const KINDS: readonly DocumentKind[] = ['episode', 'brief', 'article', 'note'];

/** What is indexed for one segment. Tag values are strings: FlexSearch ignores numeric tags. */
export interface SearchRecord {
  /** dense position 0..n-1 (segments in document order), not the SQLite id */
  id: number;
  text: string;
  /** only on the first segment of a chapter: a title names what follows, so its hit is the chapter's start */
  chapterTitle: string;
  /** only on the first segment of a document, for the same reason */
  documentTitle: string;
  speaker: string;
  tags: { topic: string[]; guest: string[]; show: string; speaker: string; kind: string };
}

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
}

export interface FacetCount extends Labelled {
  count: number;
}
export type Facets = Record<Facet, FacetCount[]>;

/** One ranked match, still without text: positions are enriched from SQLite by the caller. */
export interface RankedHit {
  pos: number;
  score: number;
}

export interface DocumentGroup {
  doc: number;
  count: number;
  /** start seconds of the document's matches, in order (untimed matches left out) */
  positions: number[];
}

export interface EngineResult {
  total: number;
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
