/**
 * The rows a document has by the thousand (segments, their topics, chapters),
 * written through statements prepared once per connection. Building each insert
 * with drizzle's query builder cost about 30 s for the 166k turns of the
 * Changelog archive; the same rows through prepared statements cost under 2 s.
 * Column lists mirror db/schema.ts (booleans as 0/1, JSON as text).
 */
import type Database from 'better-sqlite3';
import type { DocumentRows } from '@/lib/ingest/reshape';

interface Statements {
  segment: Database.Statement;
  segmentTopic: Database.Statement;
  chapter: Database.Statement;
  chapterTopic: Database.Statement;
}

const cache = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
  let s = cache.get(sqlite);
  if (!s) {
    s = {
      segment: sqlite.prepare(
        `INSERT INTO segments (document_id, chapter_id, ordinal, speaker_person_id, speaker_label, start_seconds, estimated, text, kind, turn, marks)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      segmentTopic: sqlite.prepare('INSERT INTO segment_topics (segment_id, topic_id, score) VALUES (?, ?, ?)'),
      chapter: sqlite.prepare(
        `INSERT INTO chapters (document_id, ordinal, title, anchor, start_seconds, end_seconds, estimated, generated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      chapterTopic: sqlite.prepare('INSERT INTO chapter_topics (chapter_id, topic_id, score) VALUES (?, ?, ?)'),
    };
    cache.set(sqlite, s);
  }
  return s;
}

const bit = (b: boolean) => (b ? 1 : 0);

/** Must run inside the document's transaction. */
export function writeChapterRows(sqlite: Database.Database, documentId: number, rows: DocumentRows['chapters'], topicIds: ReadonlyMap<string, number>): Map<number, number> {
  const st = statements(sqlite);
  const ids = new Map<number, number>();
  for (const c of rows) {
    const id = Number(st.chapter.run(documentId, c.ordinal, c.title, c.anchor, c.startSeconds, c.endSeconds, bit(c.estimated), bit(c.generated)).lastInsertRowid);
    ids.set(c.ordinal, id);
    for (const t of c.topics) {
      const topicId = topicIds.get(t.slug);
      if (topicId) st.chapterTopic.run(id, topicId, t.score);
    }
  }
  return ids;
}

/** Must run inside the document's transaction. */
export function writeSegmentRows(
  sqlite: Database.Database,
  documentId: number,
  rows: DocumentRows['segments'],
  chapterIds: ReadonlyMap<number, number>,
  personId: (name: string) => number,
  topicIds: ReadonlyMap<string, number>,
): void {
  const st = statements(sqlite);
  for (const s of rows) {
    const id = st.segment.run(
      documentId,
      s.chapterOrdinal === null ? null : (chapterIds.get(s.chapterOrdinal) ?? null),
      s.ordinal,
      s.speakerName ? personId(s.speakerName) : null,
      s.speakerLabel,
      s.startSeconds,
      bit(s.estimated),
      s.text,
      s.kind,
      s.turn,
      s.marks ? JSON.stringify(s.marks) : null,
    ).lastInsertRowid;
    for (const t of s.topics) {
      const topicId = topicIds.get(t.slug);
      if (topicId) st.segmentTopic.run(id, topicId, t.score);
    }
  }
}
