import 'server-only';
import { getServerDb, type LadderDb } from '../client';
import { searchEpisodeGroups, type EpisodeGroupResponse, type GroupArgs } from '../search/search-groups';
import { searchSegments, type SearchArgs, type SearchResponse } from '../search/search-segments';

export type { SearchHit, SearchGroup, SearchResponse } from '../search/search-segments';
export type { EpisodeGroup, EpisodeGroupResponse } from '../search/search-groups';

/**
 * The archive search for pages and the API, on the process-wide read-only
 * connection. The index is loaded once per server process, on first use.
 */
export function searchArchive(args: Omit<SearchArgs, 'ladderDb'> & { ladderDb?: LadderDb }): SearchResponse {
  return searchSegments({ ...args, ladderDb: args.ladderDb ?? getServerDb() });
}

/** The search page's view: a page of episodes, each with its best passages (every episode on one page only). */
export function searchArchiveByEpisode(args: Omit<GroupArgs, 'ladderDb'> & { ladderDb?: LadderDb }): EpisodeGroupResponse {
  return searchEpisodeGroups({ ...args, ladderDb: args.ladderDb ?? getServerDb() });
}
