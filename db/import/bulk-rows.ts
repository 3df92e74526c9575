/**
 * The rows a document has by the thousand (segments, their topics, chapters)
 * and its people, written through statements prepared once per connection. Building each insert
 * with drizzle's query builder cost about 30 s for the 166k turns of the
 * Changelog archive; the same rows through prepared statements cost under 2 s.
 * Column lists mirror db/schema.ts (booleans as 0/1, JSON as text).
 */
import type Database from 'better-sqlite3';
import type { DocumentRows } from '@/lib/ingest/reshape';
import { slugify } from '@/lib/slug';

interface Statements {
  person: Database.Statement;
  documentPerson: Database.Statement;
  documentSpeaker: Database.Statement;
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
      // facts a file does not give keep what another file said
      person: sqlite.prepare(
        `INSERT INTO people (slug, name, biggest_role, current_company, company_size, career_start_year) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(slug) DO UPDATE SET name = excluded.name, biggest_role = coalesce(excluded.biggest_role, biggest_role),
           current_company = coalesce(excluded.current_company, current_company), company_size = coalesce(excluded.company_size, company_size),
           career_start_year = coalesce(excluded.career_start_year, career_start_year)
         RETURNING id`,
      ),
      documentPerson: sqlite.prepare('INSERT OR IGNORE INTO document_people (document_id, person_id, role) VALUES (?, ?, ?)'),
      documentSpeaker: sqlite.prepare(
        `INSERT OR IGNORE INTO document_speakers (document_id, label, person_id, role, declared_role, turns, words, seconds, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
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

/**
 * A document's hosts and guests (document_people) and every speaker label as
 * resolved (document_speakers). Must run inside the document's transaction.
 * Returns name → person id for its segments.
 */
export function writePeopleRows(sqlite: Database.Database, documentId: number, list: DocumentRows['people'], speakers: DocumentRows['speakers']): (name: string) => number {
  const st = statements(sqlite);
  const ids = new Map<string, number>();
  const idOf = (p: Pick<DocumentRows['people'][number], 'name'> & Partial<DocumentRows['people'][number]>) => {
    const slug = slugify(p.name);
    let id = ids.get(slug);
    if (id === undefined) {
      const row = st.person.get(slug, p.name, p.biggestRole || null, p.currentCompany || null, p.companySize || null, p.careerStartYear || null) as { id: number };
      id = row.id;
      ids.set(slug, id);
    }
    return id;
  };
  for (const p of list) st.documentPerson.run(documentId, idOf(p), p.role);
  for (const s of speakers) {
    st.documentSpeaker.run(documentId, s.label, s.person ? idOf({ name: s.person }) : null, s.role, s.declaredRole, s.turns, s.words, s.seconds, s.note);
  }
  return (name) => idOf({ name });
}

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
