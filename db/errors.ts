import Database from 'better-sqlite3';

/** A database problem, always naming the database file. */
export class DatabaseError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly code: 'missing' | 'read-only' | 'outdated' | 'unusable',
    options?: { cause?: unknown },
  ) {
    super(`database ${file}: ${message}`, options);
    this.name = 'DatabaseError';
  }
}

/** Appends the database file to an error's message once ("database or disk is full (database /x/ladder.db)"). */
export function nameDatabase(err: unknown, file: string): unknown {
  if (!(err instanceof Error) || err.message.includes(file)) return err;
  err.message = `${err.message} (database ${file})`;
  if (err.stack) err.stack = err.stack.replace(/^[^\n]*/, `${err.name}: ${err.message}`);
  return err;
}

let patched = false;
// a database read into memory (a read-only medium) is named by the file it came from
const files = new WeakMap<object, string>();

export function registerDatabaseFile(sqlite: Database.Database, file: string): void {
  files.set(sqlite, file);
}

/**
 * SQLite's own messages never say which file they are about ("attempt to write
 * a readonly database", "database or disk is full"), and a page, a CLI command
 * or the importer may be looking at any of several databases. Every statement
 * method that runs SQL is wrapped once, process-wide, so any error it throws
 * carries the file name, whichever code path caught it. The wrapper is a
 * try/catch around the native call: nothing measurable next to the query itself.
 */
export function nameDatabaseInErrors(sample: Database.Database): void {
  if (patched) return;
  patched = true;
  const statementProto = Object.getPrototypeOf(sample.prepare('SELECT 1')) as Record<string, unknown>;
  const dbProto = Database.prototype as unknown as Record<string, unknown>;
  const wrap = (proto: Record<string, unknown>, method: string, fileOf: (self: unknown) => string) => {
    const original = proto[method] as (...args: unknown[]) => unknown;
    proto[method] = function named(this: unknown, ...args: unknown[]) {
      try {
        return original.apply(this, args);
      } catch (err) {
        throw nameDatabase(err, fileOf(this));
      }
    };
  };
  const nameOf = (db: Database.Database) => files.get(db) ?? db.name;
  const statementFile = (self: unknown) => nameOf((self as Database.Statement).database);
  for (const m of ['run', 'get', 'all', 'iterate']) wrap(statementProto, m, statementFile);
  const dbFile = (self: unknown) => nameOf(self as Database.Database);
  for (const m of ['exec', 'pragma', 'prepare']) wrap(dbProto, m, dbFile);
}
