import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { reshapeDocument } from '@/lib/ingest/reshape';
import { parseSource } from '@/lib/ingest/parse-source';
import { ParseError } from '@/lib/ingest/types';
import { openDatabase, WRITE, type LadderDb } from '../client';
import { resolveIndexDir } from '../config';
import { documents, fileImports } from '../schema';
import { collectFiles, type SourceFile } from './collect-files';
import { ArchiveTerms } from './generated-chapters';
import { readBounded } from './read-bounded';
import { refreshSearchIndex } from './search-hook';
import { loadTaxonomy, syncTopics } from './topics';
import { bumpContentVersion, deleteDocument, removeOrphans, writeDocument } from './write-document';

export type ImportStatus = 'imported' | 'updated' | 'unchanged';

export interface ImportedDocument {
  file: string;
  format: string;
  status: ImportStatus;
  slug: string;
  kind: string;
  title: string;
  chapters: number;
  segments: number;
  speakers: string[];
  durationSeconds: number | null;
  warnings: string[];
}

export interface ImportReport {
  documents: ImportedDocument[];
  failed: { file: string; line: number | null; error: string }[];
  removed: { file: string; slug: string }[];
  warnings: { file: string; message: string }[];
  totals: { documents: number; chapters: number; segments: number };
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

interface SourceBytes {
  bytes: Buffer;
  meta: Buffer | null;
  chapters: Buffer | null;
}

/** The file and its sidecars, each refused by size before it is read. */
function readSource(file: SourceFile): SourceBytes {
  return {
    bytes: readBounded(file.path),
    meta: file.metaPath ? readBounded(file.metaPath, 'meta.yaml sidecar') : null,
    chapters: file.chaptersPath ? readBounded(file.chaptersPath, 'chapters.json sidecar') : null,
  };
}

function hashSource(src: SourceBytes): string {
  const h = createHash('sha256').update(src.bytes);
  // sidecars are part of the document: editing one must re-import it
  for (const side of [src.meta, src.chapters]) {
    h.update('\0');
    if (side) h.update(side);
  }
  return h.digest('hex');
}

export async function importPaths(opts: ImportOptions): Promise<ImportReport> {
  const ladder = opts.ladderDb ?? openDatabase({ path: opts.dbPath });
  const { db } = ladder;
  const progress = opts.onProgress ?? (() => {});
  const report: ImportReport = { documents: [], failed: [], removed: [], warnings: [], totals: { documents: 0, chapters: 0, segments: 0 } };
  try {
    const taxonomy = loadTaxonomy(opts.taxonomyPath);
    const topicIds = syncTopics(db, taxonomy);
    const { files, warnings } = collectFiles(opts.paths);
    for (const w of warnings) {
      if (w.message === 'no such file or folder') report.failed.push({ file: w.file, line: null, error: w.message });
      else report.warnings.push(w);
    }
    const seen = new Set<string>();
    let changed = false;
    const terms = new ArchiveTerms(ladder.sqlite);
    for (const file of files) {
      seen.add(file.path);
      const result = importOne(ladder, file, taxonomy, topicIds, terms);
      if ('error' in result) {
        report.failed.push(result.error);
        progress(`✗ ${file.path}${result.error.line ? `:${result.error.line}` : ''}: ${result.error.error}`);
        continue;
      }
      if (result.doc === null) continue;
      report.documents.push(result.doc);
      if (result.doc.status !== 'unchanged') changed = true;
      progress(`${result.doc.status.padEnd(9)} ${result.doc.format.padEnd(22)} ${file.path} → ${result.doc.slug}`);
    }
    changed = removeVanished(ladder, opts.paths, seen, report, terms) || changed;
    terms.save();
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

type OneResult = { doc: ImportedDocument | null } | { error: ImportReport['failed'][number] };

function importOne(
  ladder: LadderDb,
  file: SourceFile,
  taxonomy: ReturnType<typeof loadTaxonomy>,
  topicIds: ReadonlyMap<string, number>,
  terms: ArchiveTerms,
): OneResult {
  const { db } = ladder;
  const now = new Date().toISOString();
  let hash = '';
  try {
    const src = readSource(file);
    hash = hashSource(src);
    const previous = db.select().from(documents).where(eq(documents.sourcePath, file.path)).get();
    if (previous && previous.contentHash === hash) {
      return { doc: summarise(ladder, previous.id, file.path, 'unchanged') };
    }
    const source = parseSource({ bytes: src.bytes, fileName: path.basename(file.path), metaBytes: src.meta, chaptersBytes: src.chapters });
    if (source.kind === 'taxonomy') return { doc: null };
    const rows = reshapeDocument(terms.withChapters(source.doc, previous?.id ?? null), { path: file.path, hash }, taxonomy);
    const { slug } = writeDocument(db, rows, topicIds, now);
    const stored = db.select({ id: documents.id }).from(documents).where(eq(documents.slug, slug)).get();
    return { doc: summarise(ladder, stored!.id, file.path, previous ? 'updated' : 'imported') };
  } catch (err) {
    const line = err instanceof ParseError ? (err.line ?? null) : null;
    const message = err instanceof Error ? err.message : String(err);
    db.insert(fileImports)
      .values({ sourcePath: file.path, contentHash: hash || '-', status: 'failed', error: message, line, importedAt: now })
      .onConflictDoUpdate({ target: fileImports.sourcePath, set: { contentHash: hash || '-', status: 'failed', error: message, line, importedAt: now } })
      .run();
    return { error: { file: file.path, line, error: message } };
  }
}

function summarise(ladder: LadderDb, documentId: number, file: string, status: ImportStatus): ImportedDocument {
  const d = ladder.sqlite
    .prepare(
      `SELECT d.slug, d.kind, d.title, d.format, d.duration_seconds AS durationSeconds, d.warnings,
        (SELECT count(*) FROM chapters c WHERE c.document_id = d.id) AS chapters,
        (SELECT count(*) FROM segments s WHERE s.document_id = d.id) AS segments
       FROM documents d WHERE d.id = ?`,
    )
    .get(documentId) as { slug: string; kind: string; title: string; format: string; durationSeconds: number | null; warnings: string; chapters: number; segments: number };
  const speakers = ladder.sqlite
    .prepare(
      `SELECT COALESCE(p.name, s.speaker_label) AS name FROM segments s LEFT JOIN people p ON p.id = s.speaker_person_id
       WHERE s.document_id = ? AND COALESCE(p.name, s.speaker_label) IS NOT NULL GROUP BY 1 ORDER BY min(s.ordinal)`,
    )
    .all(documentId) as { name: string }[];
  return { file, status, ...d, warnings: JSON.parse(d.warnings) as string[], speakers: speakers.map((s) => s.name) };
}

/** Documents whose file has gone from a folder that was imported again are removed. */
function removeVanished(ladder: LadderDb, inputs: string[], seen: Set<string>, report: ImportReport, terms: ArchiveTerms): boolean {
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
      terms.forget(d.id);
      deleteDocument(tx, d.id);
      tx.delete(fileImports).where(eq(fileImports.sourcePath, d.sourcePath)).run();
      report.removed.push({ file: d.sourcePath, slug: d.slug });
    }
    removeOrphans(tx);
    bumpContentVersion(tx);
  }, WRITE);
  return true;
}
