import 'server-only';
import { getServerDb, type LadderDb } from '../client';
import { getServingIndex } from '../search/index-store';
import { searchSegments, type SearchArgs, type SearchResponse } from '../search/search-segments';

export type { SearchHit, SearchGroup, SearchResponse } from '../search/search-segments';

/**
 * The archive search for pages, on the process-wide read-only connection, with
 * the index the server serves (db/search/index-store.ts: loaded from what the
 * importer published, never built here).
 */
export async function searchArchive(args: Omit<SearchArgs, 'ladderDb' | 'index'> & { ladderDb?: LadderDb }): Promise<SearchResponse> {
  const ladderDb = args.ladderDb ?? getServerDb();
  return searchSegments({ ...args, ladderDb, index: await getServingIndex(ladderDb) });
}
