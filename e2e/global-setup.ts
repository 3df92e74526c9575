import fs from 'node:fs';
import path from 'node:path';
import { importPaths } from '../db/import/run-import';

const ROOT = path.resolve(__dirname, '..');
export const E2E_DB = path.join(ROOT, 'data', 'e2e.db');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const CONTENT = path.join(ROOT, 'content');
// hostile titles, names and text: security.spec.ts checks they render as text on every page
const XSS_FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'xss');
// a long interview whose source has no chapters: chapters.spec.ts checks the generated ones
const CHAPTER_FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'chapters');

/**
 * A fresh test database from the real corpus, the project's content folder
 * (taxonomy and samples) and the XSS probe fixture, imported the way
 * `ladder import` does it. Runs before
 * any test and before any page asks the server for data.
 */
export default async function globalSetup(): Promise<void> {
  for (const f of [E2E_DB, `${E2E_DB}-wal`, `${E2E_DB}-shm`, `${E2E_DB}-journal`]) fs.rmSync(f, { force: true });
  fs.rmSync(`${E2E_DB}.search`, { recursive: true, force: true });
  const paths = [CORPUS, CONTENT, CHAPTER_FIXTURES, ...(fs.existsSync(XSS_FIXTURES) ? [XSS_FIXTURES] : [])];
  const report = await importPaths({ paths, dbPath: E2E_DB });
  const corpusFailures = report.failed.filter((f) => path.resolve(f.file).startsWith(CORPUS));
  if (corpusFailures.length > 0) {
    throw new Error(`e2e import failed for the corpus: ${corpusFailures.map((f) => `${f.file}: ${f.error}`).join('; ')}`);
  }
  const imported = report.documents.length;
  process.stdout.write(`e2e database: ${imported} documents (${report.failed.length} failed) → ${path.relative(ROOT, E2E_DB)}\n`);
}
