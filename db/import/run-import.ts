import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { parseSource } from '@/lib/ingest/parse-source';
import { reshapeDocument, type DocumentRows } from '@/lib/ingest/reshape';
import type { ResolutionReport } from '@/lib/people/types';
import { openDatabase, WRITE, type LadderDb } from '../client';
import { resolveIndexDir } from '../config';
import { documents, fileImports } from '../schema';
import { planArchive, type ArchivePlan, type ParsedFile, type PlannedDocument } from './archive-step';
import { collectFiles } from './collect-files';
import { recordDuplicate, recordFailure, summarise, type ImportedDocument } from './file-records';
import { FolderSidecars, hashSource, readSource } from './read-source';
import { refreshSearchIndex } from './search-hook';
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
 * documents only. Then the search index is published once.
 */
export async function importPaths(opts: ImportOptions): Promise<ImportReport> {
  const ladder = opts.ladderDb ?? openDatabase({ path: opts.dbPath });
  const { db } = ladder;
  const progress = opts.onProgress ?? (() => {});
  const report = emptyReport();
  const fail = (file: string, hash: string, err: unknown) => {
    const failure = recordFailure(db, file, hash, err);
    report.failed.push(failure);
    progress(`✗ ${file}${failure.line ? `:${failure.line}` : ''}: ${failure.error}`);
  };
  try {
    const taxonomy = loadTaxonomy(opts.taxonomyPath);
    const topicIds = syncTopics(db, taxonomy);
    const { files, warnings } = collectFiles(opts.paths);
    for (const w of warnings) {
      if (w.message === 'no such file or folder') report.failed.push({ file: w.file, line: null, error: w.message });
      else report.warnings.push(w);
    }
    let changed = removeVanished(ladder, opts.paths, new Set(files.map((f) => f.path)), report);

    const folders = new FolderSidecars();
    const previous = new Map(
      (db.select({ id: documents.id, sourcePath: documents.sourcePath, contentHash: documents.contentHash }).from(documents).all()).map((d) => [d.sourcePath, d]),
    );
    const knownDuplicates = duplicateRecords(ladder);
    const pending: ParsedFile[] = [];
    for (const file of files) {
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
    }
    changed = recordPlanRest(ladder, plan, writtenIds, report, now) || changed;
    // the report lists documents in file order, whichever step settled them
    const order = new Map(files.map((f, i) => [f.path, i]));
    report.documents.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
    for (const d of report.documents) {
      report.totals.documents++;
      report.totals.chapters += d.chapters;
      report.totals.segments += d.segments;
    }
    if (opts.rebuildIndex !== false) {
      const problem = await refreshSearchIndex(ladder, changed);
      if (problem) report.warnings.push({ file: resolveIndexDir(ladder.path), message: problem });
    }
    return report;
  } finally {
    if (!opts.ladderDb) ladder.sqlite.close();
  }
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
  for (const d of plan.duplicates) {
    const of = d.of.documentId ?? writtenIds.get(d.of.file) ?? null;
    recordDuplicate(ladder.db, { file: d.parsed.file.path, hash: d.parsed.hash, previousId: d.parsed.previousId, of, reason: d.reason }, now);
    report.duplicates.push({ file: d.parsed.file.path, of: d.of.file, reason: d.reason });
  }
  if (plan.restated.length === 0) return plan.duplicates.some((d) => d.parsed.previousId !== null);
  ladder.db.transaction((tx) => {
    for (const r of plan.restated) rewriteSpeakers(tx, r.documentId, r.resolution.people, r.resolution.speakers);
    removeOrphans(tx);
    bumpContentVersion(tx);
  }, WRITE);
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
  ladder.db.transaction((tx) => {
    for (const d of gone) {
      deleteDocument(tx, d.id);
      tx.delete(fileImports).where(eq(fileImports.sourcePath, d.sourcePath)).run();
      report.removed.push({ file: d.sourcePath, slug: d.slug });
    }
    removeOrphans(tx);
    bumpContentVersion(tx);
  }, WRITE);
  return true;
}
