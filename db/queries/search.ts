import 'server-only';
import { getServerDb, type LadderDb } from '../client';
import { getServingIndex } from '../search/index-store';
import { searchEpisodeGroups, type EpisodeGroupResponse, type GroupArgs } from '../search/search-groups';
import { searchSegments, type SearchArgs, type SearchResponse } from '../search/search-segments';

export type { SearchHit, SearchGroup, SearchResponse } from '../search/search-segments';
export type { EpisodeGroup, EpisodeGroupResponse } from '../search/search-groups';

/**
 * The archive search for pages and the API, on the process-wide read-only
 * connection, with the index the server serves (db/search/index-store.ts:
 * loaded from what the importer published, never built here).
 */
export async function searchArchive(args: Omit<SearchArgs, 'ladderDb' | 'index'> & { ladderDb?: LadderDb }): Promise<SearchResponse> {
  const ladderDb = args.ladderDb ?? getServerDb();
  return searchSegments({ ...args, ladderDb, index: await getServingIndex(ladderDb) });
}

/** The search page's view: a page of episodes, each with its best passages (every episode on one page only). */
export async function searchArchiveByEpisode(args: Omit<GroupArgs, 'ladderDb' | 'index'> & { ladderDb?: LadderDb }): Promise<EpisodeGroupResponse> {
  const ladderDb = args.ladderDb ?? getServerDb();
  return searchEpisodeGroups({ ...args, ladderDb, index: await getServingIndex(ladderDb) });
}
