import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveIndexDir } from '@/db/config';
import { importPaths } from '@/db/import/run-import';
import { readIndexDir } from '@/db/search/index-files';
import { makeTempDir } from '../support/temp';
import { exited, killGroup, runImportSync, spawnImport } from './helpers/cli';
import { documentDump } from './helpers/snapshot';
import { longTranscript } from './helpers/transcripts';

/**
 * A power cut in the middle of a large import: the import process is killed
 * with SIGKILL after a few documents have committed. What is left must be a
 * valid database holding whole documents only, and running the import again
 * must finish the job and match a clean import of the same files.
 */
const FILES = 200;
const KILL_AFTER = 5;

let tmp: ReturnType<typeof makeTempDir>;
let dir: string;
let clean: Record<string, unknown>;

beforeAll(async () => {
  tmp = makeTempDir('ladder-kill-');
  dir = path.join(tmp.dir, 'content');
  fs.mkdirSync(dir);
  for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(dir, `story-${String(i).padStart(3, '0')}.md`), longTranscript(i, 60));
  const report = await importPaths({ paths: [dir], dbPath: path.join(tmp.dir, 'clean.db'), rebuildIndex: false });
  expect(report.documents).toHaveLength(FILES);
  clean = documentDump(path.join(tmp.dir, 'clean.db'));
}, 120_000);
afterAll(() => tmp.cleanup());

/** Polls the database read-only, as an outside observer, until `n` documents have committed. */
async function waitForDocuments(db: string, n: number, timeoutMs = 60_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const conn = new Database(db, { readonly: true, fileMustExist: true });
      try {
        const { c } = conn.prepare('SELECT count(*) AS c FROM documents').get() as { c: number };
        if (c >= n) return c;
      } finally {
        conn.close();
      }
    } catch {
      // not created or not migrated yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`fewer than ${n} documents after ${timeoutMs} ms`);
}

describe('an import killed with SIGKILL halfway', () => {
  const db = () => path.join(tmp.dir, 'killed.db');

  it('leaves only whole documents, consistent indexes and records, and re-importing completes it', async () => {
    const child = spawnImport(dir, db());
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    await waitForDocuments(db(), KILL_AFTER);
    killGroup(child, 'SIGKILL');
    await exited(child);
    expect(child.signalCode ?? 'SIGKILL').toBe('SIGKILL');

    // opening read-write, as the next import would, recovers the WAL
    const conn = new Database(db());
    try {
      expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(conn.pragma('foreign_key_check')).toEqual([]);
      // every segment's document has its speakers: no document was left half written
      expect(conn.prepare(`SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_speakers s WHERE s.document_id = d.id)`).get()).toEqual({ n: 0 });
      const docs = conn.prepare('SELECT id, content_hash AS hash, source_path AS file FROM documents').all() as { id: number; hash: string; file: string }[];
      expect(docs.length).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(docs.length, 'the import finished before the kill; nothing was tested').toBeLessThan(FILES);
      const records = conn.prepare(`SELECT source_path AS file, content_hash AS hash, status, document_id AS id FROM file_imports`).all();
      expect(records).toEqual(expect.arrayContaining(docs.map((d) => ({ file: d.file, hash: d.hash, status: 'imported', id: d.id }))));
      expect(records).toHaveLength(docs.length);
      const orphans = conn.prepare(`SELECT count(*) AS n FROM segments WHERE document_id NOT IN (SELECT id FROM documents)`).get();
      expect(orphans).toEqual({ n: 0 });
    } finally {
      conn.close();
    }

    // the index step runs only after the last commit of a run: a killed run never started one
    expect(fs.readdirSync(tmp.dir).filter((f) => f.startsWith('killed.db.search'))).toEqual([]);

    // every document present is exactly what a clean import makes of its file
    const partial = documentDump(db());
    for (const [file, doc] of Object.entries(partial)) expect(doc, file).toEqual(clean[file]);

    const again = runImportSync(dir, db());
    expect(again.status, again.stderr).toBe(0);
    expect(documentDump(db())).toEqual(clean);
    const conn2 = new Database(db(), { readonly: true });
    const version = conn2.prepare(`SELECT value FROM meta WHERE key = 'content_version'`).pluck().get();
    expect(readIndexDir(resolveIndexDir(db())).contentVersion).toBe(version);
    expect(conn2.prepare(`SELECT status, count(*) AS n FROM file_imports GROUP BY status ORDER BY status`).all()).toEqual([
      { status: 'imported', n: FILES },
    ]);
    conn2.close();
    expect(stderr).not.toMatch(/Error/);
  }, 180_000);
});
