import path from 'node:path';
import { makeTempDir } from './temp';

/**
 * Points the server's one read-only connection (LADDER_DB) at a database in a
 * fresh temp folder, for one test file. `restore` closes that connection,
 * forgets it, puts LADDER_DB back and removes the folder.
 */
export function useTempServerDb(prefix: string, fileName: string): { dbPath: string; restore: () => void } {
  const tmp = makeTempDir(prefix);
  const previous = process.env.LADDER_DB;
  const dbPath = path.join(tmp.dir, fileName);
  process.env.LADDER_DB = dbPath;
  return {
    dbPath,
    restore: () => {
      const g = globalThis as { ladderDb?: { sqlite: { close(): void } }; ladderDbMissing?: { sqlite: { close(): void } } };
      g.ladderDb?.sqlite.close();
      g.ladderDbMissing?.sqlite.close();
      delete g.ladderDb;
      delete g.ladderDbMissing;
      if (previous === undefined) delete process.env.LADDER_DB;
      else process.env.LADDER_DB = previous;
      tmp.cleanup();
    },
  };
}
