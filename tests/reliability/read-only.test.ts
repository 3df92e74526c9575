import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DatabaseError, getServerDb, openDatabase } from '@/db/client';
import { importPaths } from '@/db/import/run-import';
import { getDocumentBySlug, listDocuments } from '@/db/queries/documents';
import { frontmatterTranscript } from '../support/samples';
import { callSearchApi } from '../support/search-api';
import { pointServerAt } from '../support/server-db';
import { makeTempDir, writeFiles } from '../support/temp';
import { readOnlyCopy } from './helpers/mounts';

/**
 * A database on a read-only medium (a mount remounted read-only as root, a
 * folder without write permission otherwise) is served read-only: pages,
 * `show`, `stats` and `search` work, `import` says it cannot write there and
 * names the file. e2e/read-only.spec.ts runs `next start` on such a copy.
 */
const ROOT = path.resolve(__dirname, '..', '..');
let tmp: ReturnType<typeof makeTempDir>;
let ro: ReturnType<typeof readOnlyCopy>;
let content: string;
let slug: string;

function ladder(...args: string[]) {
  return spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/ladder.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}
const listing = () => (fs.readdirSync(path.dirname(ro.db), { recursive: true }) as string[]).sort();

beforeAll(async () => {
  tmp = makeTempDir('ladder-ro-');
  content = path.join(tmp.dir, 'content');
  writeFiles(content, { 'a.md': frontmatterTranscript(), 'b.md': frontmatterTranscript({ title: 'Tokenmaxxing at a startup', guest: 'Lee Okafor', extraTurn: 'We talked about tokenmaxxing.' }) });
  const db = path.join(tmp.dir, 'ladder.db');
  const report = await importPaths({ paths: [content], dbPath: db });
  expect(report.failed).toEqual([]);
  slug = report.documents[0]!.slug;
  ro = readOnlyCopy(db, path.join(tmp.dir, 'medium'));
}, 60_000);
afterAll(() => {
  ro?.cleanup();
  tmp?.cleanup();
});

describe('a database on a read-only medium', () => {
  it('cannot be written, whoever runs this test', () => {
    expect(() => fs.writeFileSync(path.join(path.dirname(ro.db), 'probe'), 'x')).toThrow(/EROFS|EACCES/);
  });

  it('is read by `stats`, `show` and `search`, which write nothing there', () => {
    const before = listing();
    const stats = ladder('stats', '--db', ro.db, '--json');
    expect(stats.status, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ documents: 2, failedImports: 0 });
    const show = ladder('show', slug, '--db', ro.db, '--json');
    expect(show.status, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout).segments.length).toBeGreaterThan(3);
    const search = ladder('search', 'tokenmaxxing', '--db', ro.db, '--json');
    expect(search.status, search.stderr).toBe(0);
    expect(new Set(JSON.parse(search.stdout).hits.map((h: { documentSlug: string }) => h.documentSlug))).toEqual(new Set(['tokenmaxxing-at-a-startup']));
    // the published index beside it was used, not one built in memory
    expect(search.stderr).not.toMatch(/in memory/);
    expect(listing()).toEqual(before);
  });

  it('is refused by `import`, which names the file and says why, with its report as JSON', () => {
    const before = listing();
    const run = ladder('import', content, '--db', ro.db, '--json');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`database ${ro.db}: cannot write to it`);
    expect(run.stderr).toMatch(/read-only file system \(EROFS\)|permission denied \(EACCES\)/);
    const report = JSON.parse(run.stdout) as { failed: { file: string; error: string }[]; documents: unknown[] };
    expect(report.documents).toEqual([]);
    expect(report.failed).toEqual([{ file: ro.db, line: null, error: expect.stringContaining('cannot write to it') }]);
    expect(listing()).toEqual(before);
  });

  it('serves pages, the search API and the library from the server connection', async () => {
    const restore = pointServerAt(ro.db);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const doc = getDocumentBySlug({ slug });
      expect(doc?.segments.length).toBeGreaterThan(3);
      expect(listDocuments({}).map((d) => d.slug).sort()).toEqual([slug, 'tokenmaxxing-at-a-startup'].sort());
      const api = await callSearchApi('q=tokenmaxxing');
      expect(api.status).toBe(200);
      expect(new Set((api.body.hits as { documentSlug: string }[]).map((h) => h.documentSlug))).toEqual(new Set(['tokenmaxxing-at-a-startup']));
      expect(api.body.degraded).toBeUndefined();
      expect(warn).not.toHaveBeenCalled();
      // and a write through it is refused, naming the file
      expect(() => getServerDb().sqlite.exec(`DELETE FROM segments`)).toThrow(new RegExp(`readonly.*${ro.db.replace(/[.]/g, '\\.')}`));
    } finally {
      restore();
      warn.mockRestore();
    }
  });
});

describe('database errors name the file', () => {
  it('for a database that does not exist, without creating it', () => {
    const missing = path.join(tmp.dir, 'nowhere', 'ladder.db');
    expect(() => openDatabase({ path: missing, readonly: true })).toThrow(new DatabaseError(missing, 'does not exist: import something first (ladder import)', 'missing'));
    const stats = ladder('stats', '--db', missing);
    expect(stats.status).toBe(1);
    expect(stats.stderr).toContain(`database ${missing}: does not exist`);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });

  it('for a file that is not a database', () => {
    const junk = path.join(tmp.dir, 'junk.db');
    fs.writeFileSync(junk, 'not a database at all, but long enough to have a header of sorts'.repeat(20));
    const show = ladder('show', 'x', '--db', junk);
    expect(show.status).toBe(1);
    expect(show.stderr).toContain(`database ${junk}`);
    expect(show.stderr).toMatch(/not a database/);
  });

  it('for a database an older Ladder made, which a reader does not migrate', () => {
    const old = path.join(tmp.dir, 'old.db');
    fs.copyFileSync(path.join(tmp.dir, 'ladder.db'), old);
    const w = openDatabase({ path: old });
    w.sqlite.exec(`DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)`);
    w.sqlite.close();
    expect(() => openDatabase({ path: old, readonly: true })).toThrow(/database .*old\.db: needs migration \d{4}_\w+ before it can be read/);
  });

  it('for a write refused inside SQLite', () => {
    const conn = openDatabase({ path: path.join(tmp.dir, 'ladder.db'), readonly: true });
    try {
      expect(() => conn.sqlite.prepare(`UPDATE documents SET title = 'x'`).run()).toThrow(`(database ${conn.path})`);
    } finally {
      conn.sqlite.close();
    }
  });
});
