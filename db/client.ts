import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { resolveDbPath } from './config';
import { DatabaseError, nameDatabase, nameDatabaseInErrors, registerDatabaseFile } from './errors';

export type Db = BetterSQLite3Database<typeof schema>;
export { DatabaseError } from './errors';

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
 * The only place that opens SQLite. Writers (the importer, migrations) get a
 * read-write connection in WAL mode, which lets readers (the site) keep reading
 * the last committed version while an import writes; migrations run from code
 * so a fresh machine needs no separate step. Readers (the site, `show`, `stats`,
 * `search`) get a read-only connection that never creates, migrates or changes
 * anything, and works on a read-only medium too.
 */
export function openDatabase(opts: { path?: string; readonly?: boolean } = {}): LadderDb {
  const file = resolveDbPath(opts.path);
  const sqlite = opts.readonly ? openForReading(file) : openForWriting(file);
  registerDatabaseFile(sqlite, file);
  nameDatabaseInErrors(sqlite);
  return { db: drizzle(sqlite, { schema }), sqlite, path: file };
}

function openForWriting(file: string): Database.Database {
  const problem = notWritable(file);
  if (problem) throw new DatabaseError(file, `cannot write to it: ${problem}`, 'read-only');
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file);
    sqlite.pragma('busy_timeout = 5000');
    const conn = sqlite;
    retry(() => conn.pragma('journal_mode = WAL'), { attempts: 100, when: isBusy });
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    retry(() => migrate(drizzle(conn, { schema }), { migrationsFolder }), { attempts: 3, when: () => true });
    return sqlite;
  } catch (err) {
    sqlite?.close();
    throw nameDatabase(err, file);
  }
}

function openForReading(file: string): Database.Database {
  if (!fs.existsSync(file)) throw new DatabaseError(file, 'does not exist: import something first (ladder import)', 'missing');
  let sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    sqlite.close();
    // a WAL database on a read-only medium without its -shm file cannot be opened in place
    const readOnlyMedium = err instanceof Database.SqliteError && /^SQLITE_(CANTOPEN|READONLY)/.test(err.code) && notWritable(file) !== null;
    if (!readOnlyMedium) throw new DatabaseError(file, err instanceof Error ? err.message : String(err), 'unusable', { cause: err });
    sqlite = readIntoMemory(file);
  }
  const pending = pendingMigrations(sqlite);
  if (pending.length > 0) {
    sqlite.close();
    throw new DatabaseError(file, `needs migration ${pending.join(', ')} before it can be read: run \`npm run db:migrate\` or an import`, 'outdated');
  }
  // belt and braces: a read-only connection refuses writes already, this makes it explicit
  sqlite.pragma('query_only = ON');
  return sqlite;
}

/**
 * A WAL database needs its shared-memory file beside it, which a read-only medium
 * cannot hold; such a file cannot change under us either, so it is read whole
 * into memory (marked as a rollback-journal database, the one mode memory
 * databases support). Memory use is the file's size.
 */
function readIntoMemory(file: string): Database.Database {
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    throw new DatabaseError(file, `is on a read-only medium with changes still in ${path.basename(wal)}; copy it from a writable place after an import finished`, 'read-only');
  }
  const bytes = fs.readFileSync(file);
  if (bytes.length >= 20) bytes[18] = bytes[19] = 1;
  return new Database(bytes, { readonly: true });
}

/** Why the importer could not write the file (or create it), or null when it can. */
function notWritable(file: string): string | null {
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return 'it is on a read-only file system (EROFS)';
    if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`;
    return err instanceof Error ? err.message : String(err);
  }
}

/** Journal entries newer than the last migration the database records (drizzle's own rule). */
function pendingMigrations(sqlite: Database.Database): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  const hasTable = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
  const last = hasTable ? ((sqlite.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as { at: number | null }).at ?? 0) : 0;
  return journal.entries.filter((e) => e.when > Number(last)).map((e) => e.tag);
}

const globalForDb = globalThis as unknown as { ladderDb?: LadderDb; ladderDbMissing?: LadderDb };

/**
 * One read-only connection per server process (kept across dev hot reloads).
 * Before any import has made the database, pages read an empty archive held
 * in memory (they say how to import) and the file is looked for again on each
 * request: the server itself never creates it.
 */
export function getServerDb(): LadderDb {
  if (globalForDb.ladderDb) return globalForDb.ladderDb;
  const file = resolveDbPath();
  if (globalForDb.ladderDbMissing && !fs.existsSync(file)) return globalForDb.ladderDbMissing;
  try {
    globalForDb.ladderDb = openDatabase({ readonly: true });
    globalForDb.ladderDbMissing?.sqlite.close();
    delete globalForDb.ladderDbMissing;
    return globalForDb.ladderDb;
  } catch (err) {
    if (!(err instanceof DatabaseError && err.code === 'missing')) throw err;
    globalForDb.ladderDbMissing ??= emptyArchive(file);
    return globalForDb.ladderDbMissing;
  }
}

function emptyArchive(file: string): LadderDb {
  const sqlite = new Database(':memory:');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  sqlite.pragma('query_only = ON');
  return { db, sqlite, path: file };
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
