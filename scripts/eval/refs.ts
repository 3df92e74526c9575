import path from 'node:path';
import type { LadderDb } from '@/db/client';

/** ../shared beside the project: the corpus and the real archives, never copied into it. */
export const SHARED_DIR = path.resolve(process.cwd(), '..', 'shared');

/**
 * A labelled passage is named by where it stands in the source, never by its text:
 * `file` relative to ../shared ("real/changelog/podcast/the-changelog-103.md"),
 * `turn` the 0-based index of the turn in that file as a reader counts them
 * (`**Name:**` labels, `Name 00:01:02:` lines; paragraphs for prose formats).
 */
export interface TurnRef {
  file: string;
  turn: number;
}

export interface ResolvedTurn {
  segmentId: number;
  documentId: number;
  documentSlug: string;
  ordinal: number;
  startSeconds: number | null;
  text: string;
}

export const refKey = (r: TurnRef) => `${r.file}#${r.turn}`;

/** The first segment of a labelled turn in an imported archive, or null when it is not there. */
export function resolveTurn(ladder: LadderDb, ref: TurnRef): ResolvedTurn | null {
  const row = ladder.sqlite
    .prepare(
      `SELECT s.id AS segmentId, s.document_id AS documentId, d.slug AS documentSlug, s.ordinal, s.start_seconds AS startSeconds, s.text
       FROM documents d JOIN segments s ON s.document_id = d.id
       WHERE d.source_path = ? AND s.turn = ? ORDER BY s.ordinal LIMIT 1`,
    )
    .get(path.join(SHARED_DIR, ref.file), ref.turn) as ResolvedTurn | undefined;
  return row ?? null;
}

/** The turn a segment came from, as a ref (for printing what a method returned). */
export function refOfSegment(ladder: LadderDb, segmentId: number): TurnRef | null {
  const row = ladder.sqlite
    .prepare(`SELECT d.source_path AS file, s.turn FROM segments s JOIN documents d ON d.id = s.document_id WHERE s.id = ?`)
    .get(segmentId) as { file: string; turn: number | null } | undefined;
  if (!row || row.turn === null) return null;
  return { file: path.relative(SHARED_DIR, row.file), turn: row.turn };
}
