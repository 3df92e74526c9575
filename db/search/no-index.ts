import type { Facets } from '@/lib/search/types';
import type { EpisodeGroupResponse } from './search-groups';
import type { SearchResponse } from './search-segments';

/**
 * What search answers while no index is published (a database imported
 * without its index step, a deleted or damaged index folder, a publication
 * that failed on a full disk): no hits, and a note saying why, never a 500
 * and never a scan of every segment inside a request. The next import
 * publishes an index and a running server picks it up.
 */
export const NO_INDEX_NOTE = 'search is not available yet: no search index has been published for this database (an import publishes one)';

const EMPTY_FACETS: Facets = { topic: [], guest: [], show: [], speaker: [], kind: [], role: [] };

export function noIndexResponse(q: string, paging: { offset: number; limit: number }): SearchResponse {
  return { query: q, total: 0, documents: 0, paging: { by: 'passage', ...paging }, tookMs: 0, fallback: false, hits: [], groups: [], facets: EMPTY_FACETS, degraded: NO_INDEX_NOTE };
}

export function noIndexGroups(q: string, page: number, perPage: number): EpisodeGroupResponse {
  return { query: q, total: 0, documents: 0, page, perPage, pageCount: 0, tookMs: 0, fallback: false, groups: [], facets: EMPTY_FACETS, degraded: NO_INDEX_NOTE };
}
