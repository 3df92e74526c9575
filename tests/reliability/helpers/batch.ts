import path from 'node:path';
import { expect } from 'vitest';
import { importPaths, type ImportReport } from '@/db/import/run-import';
import { frontmatterTranscript } from '../../support/samples';
import { makeTempDir, writeFiles } from '../../support/temp';
import { expectRowsKept, snapshotRows, type Snapshot } from './snapshot';
import { srtFile } from './transcripts';

/**
 * A database holding an earlier run, and a way to import a batch of files
 * beside a good one into it: the good file still imports and every earlier
 * row is still there, unchanged, whatever the batch held.
 */
export interface Batch {
  dir: string;
  dbPath: string;
  before: Snapshot;
  run(files: Record<string, string | Uint8Array>): Promise<ImportReport>;
  cleanup(): void;
}

export async function makeBatch(prefix: string): Promise<Batch> {
  const tmp = makeTempDir(prefix);
  const dbPath = path.join(tmp.dir, 'ladder.db');
  writeFiles(path.join(tmp.dir, 'earlier'), {
    'earlier.md': frontmatterTranscript({ title: 'Imported earlier', guest: 'Ada Byrne' }),
    'earlier.srt': srtFile(4),
  });
  const first = await importPaths({ paths: [path.join(tmp.dir, 'earlier')], dbPath, rebuildIndex: false });
  expect(first.failed).toEqual([]);
  const before = snapshotRows(dbPath);
  let n = 0;
  return {
    dir: tmp.dir,
    dbPath,
    before,
    async run(files) {
      const dir = path.join(tmp.dir, `batch-${n++}`);
      writeFiles(dir, { ...files, 'zz-good.md': frontmatterTranscript({ title: 'Still imports', guest: 'Kim Lee' }) });
      const report = await importPaths({ paths: [dir], dbPath, rebuildIndex: false });
      expect(report.documents.map((d) => path.basename(d.file))).toContain('zz-good.md');
      expectRowsKept(before, snapshotRows(dbPath));
      return report;
    },
    cleanup: tmp.cleanup,
  };
}

export function failureOf(report: ImportReport, name: string): ImportReport['failed'][number] {
  const f = report.failed.find((x) => path.basename(x.file) === name);
  expect(f, `${name} should be reported as failed; got ${JSON.stringify(report.failed)}`).toBeDefined();
  expect(path.isAbsolute(f!.file)).toBe(true);
  expect(report.documents.map((d) => path.basename(d.file))).not.toContain(name);
  return f!;
}

export function documentOf(report: ImportReport, name: string): ImportReport['documents'][number] {
  const d = report.documents.find((x) => path.basename(x.file) === name);
  expect(d, `${name} should have imported; failed: ${JSON.stringify(report.failed)}`).toBeDefined();
  return d!;
}
