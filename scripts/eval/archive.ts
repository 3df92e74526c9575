import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type LadderDb } from '@/db/client';
import { importPaths, type ImportReport } from '@/db/import/run-import';
import { SHARED_DIR } from './refs';

export interface EvalArchive {
  ladder: LadderDb;
  dbPath: string;
  report: ImportReport | null;
}

/** What every section judges: the real corpus and the real archive, read in place. */
export const EVAL_SOURCES = [path.join(SHARED_DIR, 'corpus'), path.join(SHARED_DIR, 'real', 'changelog')];

/**
 * Imports the sources once per run into a fresh database (EVAL_DB=FILE reuses
 * one: an unchanged archive re-imports in about a second, but a changed parser
 * is only seen by a fresh database).
 */
export async function openEvalArchive(): Promise<EvalArchive> {
  const reuse = process.env.EVAL_DB;
  const dbPath = reuse ? path.resolve(reuse) : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-eval-')), 'eval.db');
  const started = performance.now();
  const report = await importPaths({ paths: EVAL_SOURCES, dbPath });
  process.stderr.write(
    `[eval] ${report.documents.length} documents, ${report.failed.length} failed, in ${((performance.now() - started) / 1000).toFixed(1)} s → ${dbPath}\n`,
  );
  return { ladder: openDatabase({ path: dbPath }), dbPath, report };
}
