import type { LadderDb } from '../client';

/** After the database commit, the search index is rebuilt and swapped in whole. */
export async function refreshSearchIndex(_ladder: LadderDb, _changed: boolean): Promise<void> {
  // wired to db/search once it lands
}
