import 'server-only';
import { getServerDb, type LadderDb } from '../client';
import { searchSegments, type SearchArgs, type SearchResponse } from '../search/search-segments';

export type { SearchHit, SearchGroup, SearchResponse } from '../search/search-segments';

/**
 * The archive search for pages and the API, on the process-wide read-only
 * connection. The index is loaded once per server process, on first use.
 */
export function searchArchive(args: Omit<SearchArgs, 'ladderDb'> & { ladderDb?: LadderDb }): SearchResponse {
  return searchSegments({ ...args, ladderDb: args.ladderDb ?? getServerDb() });
}
