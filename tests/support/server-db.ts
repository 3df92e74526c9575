import path from 'node:path';
import { clearSearchIndexCache } from '@/db/search';
import { makeTempDir } from './temp';

/**
 * Points the server's one read-only connection (LADDER_DB) at a database.
 * The returned `restore` closes that connection, forgets it and the indexes
 * loaded for it, and puts LADDER_DB back.
 */
export function pointServerAt(dbPath: string): () => void {
  const previous = process.env.LADDER_DB;
  process.env.LADDER_DB = dbPath;
  return () => {
    const g = globalThis as { ladderDb?: { sqlite: { close(): void } }; ladderDbMissing?: { sqlite: { close(): void } } };
    g.ladderDb?.sqlite.close();
    g.ladderDbMissing?.sqlite.close();
    delete g.ladderDb;
    delete g.ladderDbMissing;
    clearSearchIndexCache();
    if (previous === undefined) delete process.env.LADDER_DB;
    else process.env.LADDER_DB = previous;
  };
}

/** The same for a database in a fresh temp folder, for one test file; `restore` also removes the folder. */
export function useTempServerDb(prefix: string, fileName: string): { dbPath: string; restore: () => void } {
  const tmp = makeTempDir(prefix);
  const dbPath = path.join(tmp.dir, fileName);
  const release = pointServerAt(dbPath);
  return {
    dbPath,
    restore: () => {
      release();
      tmp.cleanup();
    },
  };
}
