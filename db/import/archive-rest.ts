import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { WRITE, type LadderDb } from '../client';
import { documents, fileImports } from '../schema';
import type { ArchivePlan } from './archive-step';
import { recordDuplicate } from './file-records';
import type { ArchiveTerms } from './generated-chapters';
import { failureOf, type ImportReport } from './report';
import { bumpContentVersion, deleteDocument, removeOrphans, rewriteSpeakers } from './write-document';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Duplicates are recorded against their original; stored documents whose people changed are restated. */
export function recordPlanRest(ladder: LadderDb, plan: ArchivePlan, writtenIds: Map<string, number>, report: ImportReport, now: string): boolean {
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
      for (const r of plan.restated) rewriteSpeakers(ladder, tx, r.documentId, r.resolution.people, r.resolution.speakers);
      removeOrphans(tx);
      bumpContentVersion(tx);
    }, WRITE);
  } catch (err) {
    // those documents keep the speakers they had: whole, only not restated
    report.failed.push({ file: ladder.path, line: null, error: `speakers of ${plan.restated.length} stored document(s) not restated: ${message(err)}` });
    return changed;
  }
  return true;
}

/** Files already known to be duplicates: path → the hash they had, and what they duplicate. */
export function duplicateRecords(ladder: LadderDb): Map<string, { hash: string; of: string; reason: string }> {
  const rows = ladder.sqlite
    .prepare(
      `SELECT f.source_path AS file, f.content_hash AS hash, d.source_path AS ofFile, f.error AS reason
       FROM file_imports f JOIN documents d ON d.id = f.document_id WHERE f.status = 'duplicate'`,
    )
    .all() as { file: string; hash: string; ofFile: string; reason: string | null }[];
  return new Map(rows.map((r) => [r.file, { hash: r.hash, of: r.ofFile, reason: r.reason ?? 'the same episode' }]));
}

/** Documents whose file has gone from a folder that was imported again are removed. */
export function removeVanished(ladder: LadderDb, inputs: string[], seen: Set<string>, report: ImportReport, terms: ArchiveTerms): boolean {
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
        // counted out before its rows go (it reads them)
        terms.forget(d.id);
        deleteDocument(tx, d.id);
        tx.delete(fileImports).where(eq(fileImports.sourcePath, d.sourcePath)).run();
      }
      removeOrphans(tx);
      bumpContentVersion(tx);
    }, WRITE);
  } catch (err) {
    // nothing was removed: they stay until a run that can write
    for (const d of gone) report.failed.push({ file: d.sourcePath, line: null, error: `file is gone, but its document could not be removed: ${message(err)}` });
    return false;
  }
  for (const d of gone) report.removed.push({ file: d.sourcePath, slug: d.slug });
  return true;
}
