import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importPaths, type ImportReport } from '@/db/import/run-import';

/** The real Changelog archive beside the project (../shared/real/changelog); read in place, never copied. */
export const CHANGELOG_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'real', 'changelog');

export interface RealArchive {
  dbPath: string;
  report: ImportReport;
}

let imported: Promise<RealArchive> | null = null;
let folder: string | null = null;

/**
 * The whole archive imported once per test process into a temporary database
 * (no search index): test files that need it share one import. Call
 * `removeRealArchive` in the last afterAll that uses it.
 */
export function importRealArchive(): Promise<RealArchive> {
  if (!imported) {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-real-'));
    const dbPath = path.join(folder, 'real.db');
    imported = importPaths({ paths: [CHANGELOG_DIR], dbPath, rebuildIndex: false }).then((report) => ({ dbPath, report }));
  }
  return imported;
}

export function removeRealArchive(): void {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
  folder = null;
  imported = null;
}
