import type { LadderDb, Db } from '../client';
import { WRITE } from '../client';
import { ParseError } from '@/lib/ingest/types';
import { fileImports } from '../schema';
import { bumpContentVersion, deleteDocument, removeOrphans } from './write-document';

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

/** A file that failed: recorded with its error and line; the document it had before (if any) stays. */
export function recordFailure(db: Db, file: string, hash: string, err: unknown): { file: string; line: number | null; error: string } {
  const line = err instanceof ParseError ? (err.line ?? null) : null;
  const message = err instanceof Error ? err.message : String(err);
  const now = new Date().toISOString();
  db.insert(fileImports)
    .values({ sourcePath: file, contentHash: hash || '-', status: 'failed', error: message, line, importedAt: now })
    .onConflictDoUpdate({ target: fileImports.sourcePath, set: { contentHash: hash || '-', status: 'failed', error: message, line, importedAt: now } })
    .run();
  return { file, line, error: message };
}

/** A file that holds an episode another file already gave: no document of its own (one it had before goes). */
export function recordDuplicate(db: Db, d: { file: string; hash: string; previousId: number | null; of: number | null; reason: string }, now: string): void {
  db.transaction((tx) => {
    if (d.previousId !== null) {
      deleteDocument(tx, d.previousId);
      removeOrphans(tx);
      bumpContentVersion(tx);
    }
    const row = { contentHash: d.hash, status: 'duplicate' as const, error: d.reason, line: null, documentId: d.of, importedAt: now };
    tx.insert(fileImports).values({ sourcePath: d.file, ...row }).onConflictDoUpdate({ target: fileImports.sourcePath, set: row }).run();
  }, WRITE);
}

export function summarise(ladder: LadderDb, documentId: number, file: string, status: ImportStatus): ImportedDocument {
  const d = ladder.sqlite
    .prepare(
      `SELECT d.slug, d.kind, d.title, d.format, d.duration_seconds AS durationSeconds, d.warnings,
        (SELECT count(*) FROM chapters c WHERE c.document_id = d.id) AS chapters,
        (SELECT count(*) FROM segments s WHERE s.document_id = d.id) AS segments,
        (SELECT json_group_array(name) FROM (SELECT COALESCE(p.name, ds.label) AS name, min(ds.rowid) AS first FROM document_speakers ds
           LEFT JOIN people p ON p.id = ds.person_id WHERE ds.document_id = d.id AND ds.turns > 0 AND ds.role IN ('host', 'guest', 'voice')
           GROUP BY 1 ORDER BY first)) AS speakers
       FROM documents d WHERE d.id = ?`,
    )
    .get(documentId) as { slug: string; kind: string; title: string; format: string; durationSeconds: number | null; warnings: string; chapters: number; segments: number; speakers: string };
  const { speakers, warnings, ...rest } = d;
  return { file, status, ...rest, warnings: JSON.parse(warnings) as string[], speakers: JSON.parse(speakers) as string[] };
}
