import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { parseSource } from '@/lib/ingest/parse-source';
import { ParseError } from '@/lib/ingest/types';
import { reshapeDocument, type DocumentRows } from '@/lib/ingest/reshape';
import type { ResolutionReport } from '@/lib/people/types';
import { openDatabase, WRITE, type LadderDb } from '../client';
import { resolveIndexDir } from '../config';
import { documents, fileImports } from '../schema';
import { planArchive, type ArchivePlan, type ParsedFile, type PlannedDocument } from './archive-step';
import { collectFiles } from './collect-files';
import { recordDuplicate, recordFailure, summarise, type ImportedDocument } from './file-records';
import { FolderSidecars, hashSource, readSource } from './read-source';
import { IndexPublisher } from './search-hook';
import { loadTaxonomy, syncTopics } from './topics';
import { bumpContentVersion, deleteDocument, removeOrphans, rewriteSpeakers, writeDocuments } from './write-document';

export type { ImportedDocument, ImportStatus } from './file-records';

export interface ImportReport {
  documents: ImportedDocument[];
  failed: { file: string; line: number | null; error: string }[];
  removed: { file: string; slug: string }[];
  /** files that hold an episode already imported from another file: not imported again */
  duplicates: { file: string; of: string; reason: string }[];
  /** what was decided about people across the archive: merged names, hosts inferred, voices left out */
  people: ResolutionReport;
  warnings: { file: string; message: string }[];
  totals: { documents: number; chapters: number; segments: number };
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

export interface ImportOptions {
  paths: string[];
  dbPath?: string;
  ladderDb?: LadderDb;
  taxonomyPath?: string;
  onProgress?: (line: string) => void;
  /** rebuild the search index after the commit (default true) */
  rebuildIndex?: boolean;
}

/**
 * Imports files in four steps: read every file and skip the unchanged ones by
 * hash; parse the rest; decide across the archive (duplicates, people, titles);
 * write each document in its own transaction, so a crash leaves whole
 * documents only. Then the search index is published once (and now and then
 * during a long run).
 *
 * Faults never end a run without its report: a file that cannot be read or
 * written (a full disk, any I/O error) is a failure naming its path, and the
 * run goes on with the next; what stops the run as a whole (the database
 * itself failing) is reported against the database, with every file not yet
 * settled named as not imported. Committed documents stay whole, and the
 * index is only ever published from committed rows.
 */
export async function importPaths(opts: ImportOptions): Promise<ImportReport> {
  const ladder = opts.ladderDb ?? openDatabase({ path: opts.dbPath });
  const { db } = ladder;
  const progress = opts.onProgress ?? (() => {});
  const report = emptyReport();
  const unrecorded: string[] = [];
  const fail = (file: string, hash: string, err: unknown) => {
    let failure: ImportReport['failed'][number];
    try {
      failure = recordFailure(db, file, hash, err);
    } catch (recordErr) {
      // the database cannot take the record either (the disk is full): the report still has it
      failure = failureOf(file, err);
      unrecorded.push(recordErr instanceof Error ? recordErr.message : String(recordErr));
    }
    report.failed.push(failure);
    progress(`✗ ${file}${failure.line ? `:${failure.line}` : ''}: ${failure.error}`);
  };
  const publisher = opts.rebuildIndex === false ? null : new IndexPublisher(ladder);
  const published = (problem: string | null) => {
    if (problem) report.warnings.push({ file: resolveIndexDir(ladder.path), message: problem });
  };
  let files: { path: string }[] = [];
  let changed = false;
  try {
    const taxonomy = loadTaxonomy(opts.taxonomyPath);
    const topicIds = syncTopics(db, taxonomy);
    const collected = collectFiles(opts.paths);
    files = collected.files;
    const { warnings } = collected;
    for (const w of warnings) {
      if (w.message === 'no such file or folder') report.failed.push({ file: w.file, line: null, error: w.message });
      else report.warnings.push(w);
    }
    changed = removeVanished(ladder, opts.paths, new Set(files.map((f) => f.path)), report);

    const folders = new FolderSidecars();
    const previous = new Map(
      (db.select({ id: documents.id, sourcePath: documents.sourcePath, contentHash: documents.contentHash }).from(documents).all()).map((d) => [d.sourcePath, d]),
    );
    const knownDuplicates = duplicateRecords(ladder);
    const pending: ParsedFile[] = [];
    for (const file of collected.files) {
      let hash = '';
      try {
        const src = readSource(file, folders);
        hash = hashSource(src);
        const before = previous.get(file.path);
        if (before && before.contentHash === hash) {
          report.documents.push(summarise(ladder, before.id, file.path, 'unchanged'));
          continue;
        }
        const dup = knownDuplicates.get(file.path);
        if (!before && dup && dup.hash === hash) {
          report.duplicates.push({ file: file.path, of: dup.of, reason: dup.reason });
          continue;
        }
        const folder = { meta: folders.metaFor(file), show: file.folderShow };
        const source = parseSource({ bytes: src.bytes, fileName: path.basename(file.path), metaBytes: src.meta, chaptersBytes: src.chapters, folder });
        if (source.kind === 'taxonomy') continue;
        pending.push({ file, hash, previousId: before?.id ?? null, doc: source.doc });
      } catch (err) {
        fail(file.path, hash, err);
      }
    }

    const plan = planArchive(ladder, pending);
    report.people = plan.people;
    const now = new Date().toISOString();
    const writtenIds = new Map<string, number>();
    for (const batch of batches(plan.write)) {
      const ready: { p: PlannedDocument; rows: DocumentRows }[] = [];
      for (const p of batch) {
        try {
          ready.push({ p, rows: reshapeDocument(p.doc, { path: p.file.path, hash: p.hash, fingerprint: p.fingerprint }, taxonomy, p.resolution) });
        } catch (err) {
          fail(p.file.path, p.hash, err);
        }
      }
      let written: { id: number; slug: string }[] | null = null;
      try {
        written = writeDocuments(ladder, ready.map((r) => r.rows), topicIds, now);
      } catch {
        // one of them broke the batch: each on its own, so the rest still land
      }
      ready.forEach(({ p, rows }, i) => {
        try {
          const w = written?.[i] ?? writeDocuments(ladder, [rows], topicIds, now)[0]!;
          writtenIds.set(p.file.path, w.id);
          const doc = summarise(ladder, w.id, p.file.path, p.previousId === null ? 'imported' : 'updated');
          report.documents.push(doc);
          changed = true;
          progress(`${doc.status.padEnd(9)} ${doc.format.padEnd(22)} ${p.file.path} → ${doc.slug}`);
        } catch (err) {
          fail(p.file.path, p.hash, err);
        }
      });
      if (changed && publisher) published(publisher.afterCommit());
    }
    changed = recordPlanRest(ladder, plan, writtenIds, report, now) || changed;
  } catch (err) {
    // the run as a whole cannot go on (the database failed outside any one file): say so, and name what was left
    stopped(report, ladder.path, files, err);
  }
  try {
    // the report lists documents in file order, whichever step settled them
    const order = new Map(files.map((f, i) => [f.path, i]));
    report.documents.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
    for (const d of report.documents) {
      report.totals.documents++;
      report.totals.chapters += d.chapters;
      report.totals.segments += d.segments;
    }
    if (unrecorded.length > 0) {
      report.warnings.push({ file: ladder.path, message: `${unrecorded.length} failure(s) above could not be recorded in the database either: ${unrecorded[0]}` });
    }
    if (publisher) published(publisher.finish(changed));
    return report;
  } finally {
    if (!opts.ladderDb) ladder.sqlite.close();
  }
}

function failureOf(file: string, err: unknown): ImportReport['failed'][number] {
  return { file, line: err instanceof ParseError ? (err.line ?? null) : null, error: err instanceof Error ? err.message : String(err) };
}

/** A run that stopped: the database's error, and every file it had not settled yet. */
function stopped(report: ImportReport, dbPath: string, files: readonly { path: string }[], err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  report.failed.push({ file: dbPath, line: null, error: `import stopped: ${message}` });
  const settled = new Set([...report.documents.map((d) => d.file), ...report.failed.map((f) => f.file), ...report.duplicates.map((d) => d.file)]);
  for (const f of files) if (!settled.has(f.path)) report.failed.push({ file: f.path, line: null, error: `not imported: the import stopped (${message})` });
}

/** Up to 32 documents or about 4 MB of text per transaction. */
function* batches(list: readonly PlannedDocument[]): Generator<PlannedDocument[]> {
  let batch: PlannedDocument[] = [];
  let bytes = 0;
  for (const p of list) {
    batch.push(p);
    for (const s of p.doc.segments) bytes += s.text.length;
    if (batch.length >= 32 || bytes >= 4_000_000) {
      yield batch;
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

/** Duplicates are recorded against their original; stored documents whose people changed are restated. */
function recordPlanRest(ladder: LadderDb, plan: ArchivePlan, writtenIds: Map<string, number>, report: ImportReport, now: string): boolean {
  let changed = false;
  for (const d of plan.duplicates) {
    const of = d.of.documentId ?? writtenIds.get(d.of.file) ?? null;
    try {
      recordDuplicate(ladder.db, { file: d.parsed.file.path, hash: d.parsed.hash, previousId: d.parsed.previousId, of, reason: d.reason }, now);
      report.duplicates.push({ file: d.parsed.file.path, of: d.of.file, reason: d.reason });
      changed ||= d.parsed.previousId !== null;
    } catch (err) {
      report.failed.push(failureOf(d.parsed.file.path, err));
    }
  }
  if (plan.restated.length === 0) return changed;
  try {
    ladder.db.transaction((tx) => {
      for (const r of plan.restated) rewriteSpeakers(tx, r.documentId, r.resolution.people, r.resolution.speakers);
      removeOrphans(tx);
      bumpContentVersion(tx);
    }, WRITE);
  } catch (err) {
    // those documents keep the speakers they had: whole, only not restated
    report.failed.push({ file: ladder.path, line: null, error: `speakers of ${plan.restated.length} stored document(s) not restated: ${err instanceof Error ? err.message : String(err)}` });
    return changed;
  }
  return true;
}

/** Files already known to be duplicates: path → the hash they had, and what they duplicate. */
function duplicateRecords(ladder: LadderDb): Map<string, { hash: string; of: string; reason: string }> {
  const rows = ladder.sqlite
    .prepare(
      `SELECT f.source_path AS file, f.content_hash AS hash, d.source_path AS ofFile, f.error AS reason
       FROM file_imports f JOIN documents d ON d.id = f.document_id WHERE f.status = 'duplicate'`,
    )
    .all() as { file: string; hash: string; ofFile: string; reason: string | null }[];
  return new Map(rows.map((r) => [r.file, { hash: r.hash, of: r.ofFile, reason: r.reason ?? 'the same episode' }]));
}

/** Documents whose file has gone from a folder that was imported again are removed. */
function removeVanished(ladder: LadderDb, inputs: string[], seen: Set<string>, report: ImportReport): boolean {
  const folders = inputs.map((p) => path.resolve(p)).filter((p) => fs.existsSync(p) && fs.statSync(p).isDirectory());
  if (folders.length === 0) return false;
  const gone = ladder.db
    .select({ id: documents.id, slug: documents.slug, sourcePath: documents.sourcePath })
    .from(documents)
    .all()
    .filter((d) => !seen.has(d.sourcePath) && folders.some((f) => d.sourcePath.startsWith(f + path.sep)));
  if (gone.length === 0) return false;
  try {
    ladder.db.transaction((tx) => {
      for (const d of gone) {
        deleteDocument(tx, d.id);
        tx.delete(fileImports).where(eq(fileImports.sourcePath, d.sourcePath)).run();
      }
      removeOrphans(tx);
      bumpContentVersion(tx);
    }, WRITE);
  } catch (err) {
    // nothing was removed: they stay until a run that can write
    for (const d of gone) report.failed.push({ file: d.sourcePath, line: null, error: `file is gone, but its document could not be removed: ${err instanceof Error ? err.message : String(err)}` });
    return false;
  }
  for (const d of gone) report.removed.push({ file: d.sourcePath, slug: d.slug });
  return true;
}
