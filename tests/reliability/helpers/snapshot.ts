import Database from 'better-sqlite3';
import { expect } from 'vitest';

export type Snapshot = Record<string, string[]>;

/**
 * Tables whose rows are content; `meta` holds a version counter that every commit bumps,
 * and `term_stats` counts words across the archive, so every new document changes it.
 */
function contentTables(db: Database.Database): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE 'segments_fts%' AND name NOT LIKE '__drizzle%' AND name NOT IN ('meta', 'term_stats') ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

/** Every row of every content table, as JSON strings (read-only: a snapshot must not change what it looks at). */
export function snapshotRows(dbPath: string): Snapshot {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const out: Snapshot = {};
    for (const t of contentTables(db)) {
      out[t] = (db.prepare(`SELECT * FROM "${t}"`).all() as object[]).map((r) => JSON.stringify(r)).sort();
    }
    return out;
  } finally {
    db.close();
  }
}

/**
 * Nothing imported earlier changed: every earlier row is still there, byte for
 * byte. `ignore` skips rows allowed to change (the record of a file's last attempt).
 */
export function expectRowsKept(before: Snapshot, after: Snapshot, ignore?: (table: string, row: Record<string, unknown>) => boolean): void {
  for (const [table, rows] of Object.entries(before)) {
    const now = new Set(after[table] ?? []);
    const lost = rows.filter((r) => !now.has(r) && !ignore?.(table, JSON.parse(r) as Record<string, unknown>));
    expect(lost, `rows of ${table} changed or vanished`).toEqual([]);
  }
}

export function count(dbPath: string, table: string): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * Each document as it would be seen (no ids, no import times), keyed by source
 * file name: two databases built from the same files compare equal.
 */
export function documentDump(dbPath: string): Record<string, unknown> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const docs = db.prepare(`SELECT id, slug, title, kind, content_hash, source_path FROM documents ORDER BY source_path`).all() as { id: number; source_path: string }[];
    const chapters = db.prepare(`SELECT ordinal, title, anchor, start_seconds, end_seconds, estimated FROM chapters WHERE document_id = ? ORDER BY ordinal`);
    const segments = db.prepare(
      `SELECT s.ordinal, s.speaker_label, s.start_seconds, s.text, c.ordinal AS chapter, p.name AS speaker,
         (SELECT group_concat(t.slug) FROM segment_topics st JOIN topics t ON t.id = st.topic_id WHERE st.segment_id = s.id) AS topics
       FROM segments s LEFT JOIN chapters c ON c.id = s.chapter_id LEFT JOIN people p ON p.id = s.speaker_person_id
       WHERE s.document_id = ? ORDER BY s.ordinal`,
    );
    const out: Record<string, unknown> = {};
    for (const { id, source_path, ...d } of docs) {
      out[source_path.split('/').pop()!] = { ...d, chapters: chapters.all(id), segments: segments.all(id) };
    }
    return out;
  } finally {
    db.close();
  }
}
