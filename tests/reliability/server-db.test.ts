import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServerDb, openDatabase, readSnapshot } from '@/db/client';
import { meta } from '@/db/schema';
import { useTempServerDb } from '../support/server-db';

/** Nothing in the app writes to the database from a request. */
const ROOT = path.resolve(__dirname, '..', '..');
let server: ReturnType<typeof useTempServerDb>;

beforeAll(() => {
  server = useTempServerDb('ladder-server-db-', 'server.db');
  openDatabase().sqlite.close();
});
afterAll(() => server.restore());

describe("the server's connection", () => {
  it('reads', () => {
    const { sqlite } = getServerDb();
    expect(sqlite.pragma('query_only', { simple: true })).toBe(1);
    expect(sqlite.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
  });

  it('refuses every kind of write, through drizzle and raw SQL', () => {
    const { db, sqlite } = getServerDb();
    expect(() => db.insert(meta).values({ key: 'x', value: 'y' }).run()).toThrow(/readonly/);
    expect(() => sqlite.exec(`UPDATE documents SET title = 'x'`)).toThrow(/readonly/);
    expect(() => sqlite.exec(`DELETE FROM segments`)).toThrow(/readonly/);
    expect(() => sqlite.exec(`CREATE TABLE evil (x)`)).toThrow(/readonly/);
    expect(() => sqlite.exec(`UPDATE document_speakers SET role = 'guest'`)).toThrow(/readonly/);
    // a request cannot switch the guard off through the same connection by accident of a pragma either way
    expect(sqlite.pragma('query_only', { simple: true })).toBe(1);
  });

  it('runs read snapshots without needing to write', () => {
    const ladder = getServerDb();
    expect(readSnapshot(ladder, () => readSnapshot(ladder, () => 42))).toBe(42);
  });
});

describe('request code', () => {
  // the importer and openDatabase() read-write are for the CLI only
  const roots = ['app', 'components', 'db/queries', 'db/search', 'lib/search', 'pages', 'server', 'proxy.ts'];
  const files = roots.flatMap((r) => {
    const abs = path.join(ROOT, r);
    if (!fs.existsSync(abs)) return [];
    if (fs.statSync(abs).isFile()) return [abs];
    return (fs.readdirSync(abs, { recursive: true }) as string[]).map((f) => path.join(abs, f)).filter((f) => /\.tsx?$/.test(f));
  });

  it('open no writable connection and never run the importer', () => {
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.flatMap((file) => {
      const src = fs.readFileSync(file, 'utf8');
      const rel = path.relative(ROOT, file);
      const out: string[] = [];
      // reading the taxonomy file (db/import/topics loadTaxonomy) is fine; the writers are not
      if (/from ['"](?:@\/db|\.\.?(?:\/\.\.)*)\/import\/(?:run-import|write-document)['"]/.test(src) || /syncTopics\(/.test(src)) {
        out.push(`${rel}: uses the importer`);
      }
      // a type-only import of better-sqlite3 opens nothing
      if (/new Database\(|^import (?!type )[^;]*from ['"]better-sqlite3['"]/m.test(src)) out.push(`${rel}: opens SQLite itself`);
      for (const m of src.matchAll(/openDatabase\(([^)]*)\)/g)) if (!/readonly:\s*true/.test(m[1]!)) out.push(`${rel}: openDatabase(${m[1]}) is writable`);
      return out;
    });
    expect(offenders).toEqual([]);
  });

  // the importer publishes the index; a request only ever loads what was published
  it('never build, write or publish a search index', () => {
    const entries = files.filter((f) => !path.relative(ROOT, f).startsWith('db/search/') && !path.relative(ROOT, f).startsWith('lib/search/'));
    expect(entries.length).toBeGreaterThan(5);
    const offenders = [...entries, path.join(ROOT, 'db/search/api-response.ts')].flatMap((file) => {
      const src = fs.readFileSync(file, 'utf8');
      const rel = path.relative(ROOT, file);
      const out: string[] = [];
      for (const name of ['getSearchIndex', 'publishSearchIndex', 'writeIndexDir', 'buildFromDb', 'buildIndex', 'search-hook']) {
        if (src.includes(name)) out.push(`${rel}: ${name}`);
      }
      // searchSegments without an index reads or builds one itself (for tools): requests pass the served one
      for (const m of src.matchAll(/searchSegments\(([^)]*)\)/g)) if (!/\bindex\b/.test(m[1]!)) out.push(`${rel}: searchSegments(${m[1]}) without the served index`);
      return out;
    });
    expect(offenders).toEqual([]);
  });
});
