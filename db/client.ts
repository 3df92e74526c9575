import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { resolveDbPath } from './config';

export type Db = BetterSQLite3Database<typeof schema>;
export interface LadderDb {
  db: Db;
  sqlite: Database.Database;
  path: string;
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/**
 * Two processes opening a new database together (two imports started at once)
 * collide twice, and both times the loser's work is undone whole, so trying
 * again is safe. Switching the file to WAL can answer "database is locked"
 * without waiting for the busy timeout. And drizzle reads which migrations are
 * applied before it opens its transaction, so both may decide to create the
 * tables; the second fails once the first commits, and its next attempt reads
 * the migrations as applied.
 */
function retry<T>(fn: () => T, opts: { attempts: number; when: (err: unknown) => boolean }): T {
  for (let attempt = 1; ; attempt++) {
    try {
      return fn();
    } catch (err) {
      if (attempt >= opts.attempts || !opts.when(err)) throw err;
      Atomics.wait(PAUSE, 0, 0, 20);
    }
  }
}
const PAUSE = new Int32Array(new SharedArrayBuffer(4));
const isBusy = (err: unknown) => err instanceof Database.SqliteError && err.code.startsWith('SQLITE_BUSY');

/**
 * The only place that opens SQLite. WAL lets readers (the site) keep reading the
 * last committed version while an import writes; migrations run from code so a
 * fresh machine needs no separate step.
 */
export function openDatabase(opts: { path?: string; readonly?: boolean } = {}): LadderDb {
  const file = resolveDbPath(opts.path);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('busy_timeout = 5000');
  retry(() => sqlite.pragma('journal_mode = WAL'), { attempts: 100, when: isBusy });
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema });
  retry(() => migrate(db, { migrationsFolder }), { attempts: 3, when: () => true });
  // The web app only reads: query_only makes any accidental write from a request fail loudly.
  if (opts.readonly) sqlite.pragma('query_only = ON');
  return { db, sqlite, path: file };
}

const globalForDb = globalThis as unknown as { ladderDb?: LadderDb };

/** One read-only connection per server process (kept across dev hot reloads). */
export function getServerDb(): LadderDb {
  if (!globalForDb.ladderDb) globalForDb.ladderDb = openDatabase({ readonly: true });
  return globalForDb.ladderDb;
}

/**
 * Runs several reads as one snapshot. In WAL mode each statement outside a
 * transaction sees the latest commit, so a page reading a document row and then
 * its segments could straddle an import that replaced it (old id, no segments);
 * inside one read transaction every statement sees the same commit.
 */
export function readSnapshot<T>(ladder: LadderDb, fn: () => T): T {
  if (ladder.sqlite.inTransaction) return fn();
  return ladder.sqlite.transaction(fn).deferred();
}

/**
 * Options for every write transaction: IMMEDIATE takes the write lock at BEGIN,
 * so a second importer waits (busy_timeout) instead of failing with "database is
 * locked" when its read snapshot turns out stale at the first write.
 */
export const WRITE = { behavior: 'immediate' } as const;
