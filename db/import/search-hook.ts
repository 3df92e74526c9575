import type { LadderDb } from '../client';
import { ensureSearchIndex } from '../search/index-store';

/**
 * Called once per run, after every document's transaction has committed: the
 * index is built from the committed rows and written to a temporary folder that
 * is then renamed into place (db/search/index-files.ts), so no reader ever sees
 * an index newer than the database or half written. A run that changed nothing
 * only rebuilds when the files on disk are missing, damaged or stale.
 *
 * A failure here never undoes the import: the database is the truth and the
 * server rebuilds a stale index from it on start; the failure comes back as a
 * warning for the report.
 */
export async function refreshSearchIndex(ladder: LadderDb, changed: boolean): Promise<string | null> {
  try {
    ensureSearchIndex({ ladderDb: ladder, force: changed });
    return null;
  } catch (err) {
    return `search index not refreshed (the server rebuilds it from the database): ${err instanceof Error ? err.message : String(err)}`;
  }
}
