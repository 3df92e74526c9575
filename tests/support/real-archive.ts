import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { importPaths, type ImportReport } from '@/db/import/run-import';
import { CORPUS_DIR } from './corpus';

/** The real archive beside the project (../shared/real/changelog): read in place, never copied. */
export const CHANGELOG_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'real', 'changelog');

export interface RealArchive {
  dbPath: string;
  report: Pick<ImportReport, 'failed' | 'duplicates' | 'people' | 'totals' | 'warnings'> & { documents: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The corpus and the Changelog archive imported (search index included) into
 * one database per test run. The first test file to ask imports it; the others
 * wait for it. Open it read-only: every test file shares it.
 * Call from a beforeAll with a long timeout (the import is the slow part).
 */
export async function realArchive(): Promise<RealArchive> {
  const dir = inject('runDir');
  const ready = path.join(dir, 'real-archive.json');
  const failed = path.join(dir, 'real-archive.failed');
  let owner = false;
  try {
    fs.closeSync(fs.openSync(path.join(dir, 'real-archive.lock'), 'wx'));
    owner = true;
  } catch {
    // another test file is importing it
  }
  if (owner) {
    const dbPath = path.join(dir, 'real.db');
    try {
      const r = await importPaths({ paths: [CORPUS_DIR, CHANGELOG_DIR], dbPath });
      const archive: RealArchive = {
        dbPath,
        report: { failed: r.failed, duplicates: r.duplicates, people: r.people, totals: r.totals, warnings: r.warnings, documents: r.documents.length },
      };
      fs.writeFileSync(ready, JSON.stringify(archive));
      return archive;
    } catch (err) {
      fs.writeFileSync(failed, String(err instanceof Error ? err.stack : err));
      throw err;
    }
  }
  for (;;) {
    if (fs.existsSync(ready)) return JSON.parse(fs.readFileSync(ready, 'utf8')) as RealArchive;
    if (fs.existsSync(failed)) throw new Error(`the real archive failed to import:\n${fs.readFileSync(failed, 'utf8')}`);
    await sleep(200);
  }
}

/** Every transcript file of the real archive, relative to its folder ("podcast/the-changelog-103.md"). */
export function changelogFiles(): string[] {
  return fs
    .readdirSync(CHANGELOG_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(CHANGELOG_DIR, d.name)).map((f) => `${d.name}/${f}`))
    .filter((f) => f.endsWith('.md'))
    .sort();
}
