import { parseArgs } from 'node:util';
import { DatabaseError } from '@/db/client';
import { resolveContentDirs, resolveDbPath } from '@/db/config';
import { emptyReport, importPaths, type ImportReport } from '@/db/import/run-import';
import { decisionLines } from './import-summary';

export async function runImportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false }, topics: { type: 'string' } },
  });
  const paths = resolveContentDirs(positionals);
  let report: ImportReport;
  try {
    report = await importPaths({
      paths,
      dbPath: values.db,
      taxonomyPath: values.topics,
      onProgress: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (err) {
    // the database itself cannot be opened for writing (a read-only medium, no permission): nothing was tried
    if (!(err instanceof DatabaseError)) throw err;
    report = { ...emptyReport(), failed: [{ file: resolveDbPath(values.db), line: null, error: err.message }] };
    process.stderr.write(`ladder import: ${err.message}\n`);
  }
  for (const w of report.warnings) process.stderr.write(`warning: ${w.file}: ${w.message}\n`);
  for (const d of report.documents) for (const w of d.warnings) process.stderr.write(`warning: ${d.file}: ${w}\n`);
  for (const r of report.removed) process.stderr.write(`removed  ${r.file} (${r.slug}): file is gone\n`);
  for (const line of decisionLines(report)) process.stderr.write(`${line}\n`);
  if (values.json) {
    const { removed: _r, warnings: _w, ...json } = report;
    process.stdout.write(`${JSON.stringify({ ...json, removed: report.removed, warnings: report.warnings }, null, 2)}\n`);
  } else {
    const t = report.totals;
    process.stderr.write(
      `${t.documents} documents, ${t.chapters} chapters, ${t.segments} segments; ${report.duplicates.length} duplicates; ${report.failed.length} failed\n`,
    );
  }
  return report.failed.length > 0 ? 1 : 0;
}
