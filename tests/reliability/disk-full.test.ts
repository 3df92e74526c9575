import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveIndexDir } from '@/db/config';
import { getDocumentBySlug } from '@/db/queries/documents';
import { readIndexDir } from '@/db/search/index-files';
import { callSearchApi } from '../support/search-api';
import { pointServerAt } from '../support/server-db';
import { makeTempDir } from '../support/temp';
import { fillDisk } from './helpers/disk-full';

/**
 * An import that runs out of disk space: every file it could not write is a
 * failure naming its path, the run goes on to the end and prints its JSON
 * report, exits 1, and leaves a database and index that agree; a server then
 * reads that database as any other. e2e/reliability.spec.ts runs `next start` on it.
 */
interface Report {
  documents: { file: string; status: string; slug: string; segments: number }[];
  failed: { file: string; line: number | null; error: string }[];
  duplicates: { file: string }[];
  warnings: { file: string; message: string }[];
}

let tmp: ReturnType<typeof makeTempDir>;
let run: ReturnType<typeof fillDisk>;
let report: Report;

beforeAll(() => {
  tmp = makeTempDir('ladder-disk-full-');
  run = fillDisk(tmp.dir);
  report = JSON.parse(run.second.stdout) as Report;
}, 400_000);
afterAll(() => {
  run?.cleanup();
  tmp?.cleanup();
});

const bigFiles = () => fs.readdirSync(run.big).map((f) => path.join(run.big, f)).sort();

describe(`an import that runs out of space`, () => {
  it('imported the small folder whole first', () => {
    expect(run.first.status, run.first.stderr).toBe(0);
  });

  it('fails the files it could not write, each by its path, goes on to the last, and prints its report', () => {
    expect(run.second.status).toBe(1);
    expect(report.failed.length, run.mechanism).toBeGreaterThan(10);
    expect(report.documents.length).toBeGreaterThan(0);
    for (const f of report.failed) {
      expect(bigFiles()).toContain(f.file);
      expect(f.error).toMatch(/database or disk is full|disk I\/O error|ENOSPC|EFBIG|File too large/);
    }
    // every file is accounted for, the last one included: the run did not stop at the first full write
    const settled = [...report.documents.map((d) => d.file), ...report.failed.map((f) => f.file), ...report.duplicates.map((d) => d.file)].sort();
    expect(settled).toEqual(bigFiles());
    expect(run.second.stderr).toContain(`${bigFiles().at(-1)}: `);
  });

  it('leaves a database whose documents are whole and match the report, and an index of that database', () => {
    const db = new Database(run.db, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = db.prepare(`SELECT d.source_path AS file, count(s.id) AS segments FROM documents d LEFT JOIN segments s ON s.document_id = d.id GROUP BY d.id`).all() as { file: string; segments: number }[];
      const inBig = new Map(stored.filter((d) => d.file.startsWith(run.big)).map((d) => [d.file, d.segments]));
      expect(inBig).toEqual(new Map(report.documents.map((d) => [d.file, d.segments])));
      expect(stored.filter((d) => d.file.startsWith(run.small))).toHaveLength(3);
      expect(stored.every((d) => d.segments === 60 || d.segments === 30)).toBe(true);
      const failed = db.prepare(`SELECT count(*) AS n FROM documents WHERE source_path IN (SELECT value FROM json_each(?))`).get(JSON.stringify(report.failed.map((f) => f.file)));
      expect(failed).toEqual({ n: 0 });
      const index = readIndexDir(resolveIndexDir(run.db));
      expect(index.archiveId).toBe(db.prepare(`SELECT value FROM meta WHERE key = 'archive_id'`).pluck().get());
      expect(Number(index.contentVersion)).toBeLessThanOrEqual(Number(db.prepare(`SELECT value FROM meta WHERE key = 'content_version'`).pluck().get()));
      // every position of the index is a segment of a document that is there, whole
      const ids = db.prepare(`SELECT id FROM segments`).pluck().all() as number[];
      const present = new Set(ids);
      expect([...index.store.a.segmentId].every((id) => present.has(id))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('is served: every document page reads whole and the search API answers', async () => {
    const restore = pointServerAt(run.db);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      for (const d of report.documents) expect(getDocumentBySlug({ slug: d.slug })?.segments.length, d.file).toBe(d.segments);
      const api = await callSearchApi('q=calibration');
      expect(api.status).toBe(200);
      expect(api.body.total).toBeGreaterThan(0);
    } finally {
      restore();
      warn.mockRestore();
    }
  });
});
