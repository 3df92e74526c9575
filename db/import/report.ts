import type { ResolutionReport } from '@/lib/people/types';
import { ParseError } from '@/lib/ingest/types';
import type { ImportedDocument } from './file-records';

export interface ImportReport {
  documents: ImportedDocument[];
  failed: ImportFailure[];
  removed: { file: string; slug: string }[];
  /** files that hold an episode already imported from another file: not imported again */
  duplicates: { file: string; of: string; reason: string }[];
  /** what was decided about people across the archive: merged names, hosts inferred, voices left out */
  people: ResolutionReport;
  warnings: { file: string; message: string }[];
  totals: { documents: number; chapters: number; segments: number };
}

export interface ImportFailure {
  file: string;
  line: number | null;
  error: string;
}

/** A report of nothing done yet (also what the CLI prints when the database cannot be opened at all). */
export function emptyReport(): ImportReport {
  return {
    documents: [],
    failed: [],
    removed: [],
    duplicates: [],
    people: { merged: [], hostsInferred: [], voices: [], notPeople: [] },
    warnings: [],
    totals: { documents: 0, chapters: 0, segments: 0 },
  };
}

export function failureOf(file: string, err: unknown): ImportFailure {
  return { file, line: err instanceof ParseError ? (err.line ?? null) : null, error: err instanceof Error ? err.message : String(err) };
}

/** A run that stopped: the database's error, and every file it had not settled yet. */
export function stopped(report: ImportReport, dbPath: string, files: readonly { path: string }[], err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  report.failed.push({ file: dbPath, line: null, error: `import stopped: ${message}` });
  const settled = new Set([...report.documents.map((d) => d.file), ...report.failed.map((f) => f.file), ...report.duplicates.map((d) => d.file)]);
  for (const f of files) if (!settled.has(f.path)) report.failed.push({ file: f.path, line: null, error: `not imported: the import stopped (${message})` });
}

/** Documents in file order, whichever step settled them, and the totals. */
export function finishReport(report: ImportReport, files: readonly { path: string }[]): void {
  const order = new Map(files.map((f, i) => [f.path, i]));
  report.documents.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  for (const d of report.documents) {
    report.totals.documents++;
    report.totals.chapters += d.chapters;
    report.totals.segments += d.segments;
  }
}
