/** What searchArchive and GET /api/search return (the contract of issue 6), as this UI reads it. */
export type SearchFacet = 'topic' | 'guest' | 'show' | 'speaker' | 'kind';

export interface SearchHitView {
  documentSlug: string;
  documentTitle: string;
  kind: string;
  chapterTitle: string | null;
  speaker: string | null;
  startSeconds: number | null;
  estimated: boolean;
  /** HTML-escaped text with only <mark> added */
  snippet: string;
  url: string;
}

export interface SearchGroupView {
  documentSlug: string;
  documentTitle: string;
  count: number;
  positions: number[];
}

export interface SearchResultView {
  query: string;
  total: number;
  tookMs: number;
  fallback: boolean;
  hits: SearchHitView[];
  groups: SearchGroupView[];
  facets: Partial<Record<SearchFacet, { value: string; label: string; count: number }[]>>;
}
