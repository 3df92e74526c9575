import type { SourceCatalog, SourceSegment } from '@/lib/search/build';
import type { DocumentKind, Labelled } from '@/lib/search/types';
import type { Statement } from 'better-sqlite3';
import type { LadderDb } from '../client';

// every search asks for the version: keep the statement per connection
const versionStatements = new WeakMap<LadderDb['sqlite'], Statement>();

/** The content version the importer bumps on every committed import ("0" before the first). */
export function readContentVersion(ladderDb: LadderDb): string {
  let stmt = versionStatements.get(ladderDb.sqlite);
  if (!stmt) versionStatements.set(ladderDb.sqlite, (stmt = ladderDb.sqlite.prepare(`SELECT value FROM meta WHERE key = 'content_version'`)));
  const row = stmt.get() as { value: string } | undefined;
  return row?.value ?? '0';
}

const archiveIds = new WeakMap<LadderDb['sqlite'], string>();

/** The random identity migration 0007 gave this database; it never changes, so it is read once per connection. */
export function readArchiveId(ladderDb: LadderDb): string {
  let id = archiveIds.get(ladderDb.sqlite);
  if (id === undefined) {
    const row = ladderDb.sqlite.prepare(`SELECT value FROM meta WHERE key = 'archive_id'`).get() as { value: string } | undefined;
    archiveIds.set(ladderDb.sqlite, (id = row?.value ?? ''));
  }
  return id;
}

/** What the archive's derived data (index, cached responses and pages) was built from: the file and its content version. */
export function readArchiveVersion(ladderDb: LadderDb): string {
  return `${ladderDb.path}\n${readContentVersion(ladderDb)}`;
}

export interface IndexSource {
  contentVersion: string;
  catalog: SourceCatalog;
  /** each call streams the segments again, in document order */
  segments: () => Iterable<SourceSegment>;
}

interface SegmentRow {
  id: number;
  documentId: number;
  chapterId: number | null;
  speakerId: number | null;
  start: number | null;
  text: string;
  topics: string | null;
}

/**
 * Reads what the index is built from. Call inside a read transaction so both
 * passes over the segments see the same snapshot (an import may commit meanwhile).
 * A segment's topics are its own plus its chapter's: a chapter about PIPs makes
 * every answer in it a PIP answer, even one that only says "it".
 */
export function readIndexSource(ladderDb: LadderDb): IndexSource {
  const { sqlite } = ladderDb;
  const contentVersion = readContentVersion(ladderDb);
  const people = sqlite.prepare(`SELECT id, slug, name FROM people ORDER BY id`).all() as { id: number; slug: string; name: string }[];
  const shows = sqlite.prepare(`SELECT id, slug, name FROM shows ORDER BY id`).all() as { id: number; slug: string; name: string }[];
  const topics = sqlite.prepare(`SELECT id, slug, name FROM topics ORDER BY id`).all() as { id: number; slug: string; name: string }[];
  const docs = sqlite.prepare(`SELECT id, title, kind, show_id AS showId FROM documents ORDER BY id`).all() as {
    id: number;
    title: string;
    kind: DocumentKind;
    showId: number | null;
  }[];
  const guests = sqlite.prepare(`SELECT document_id AS doc, person_id AS person FROM document_people WHERE role = 'guest'`).all() as {
    doc: number;
    person: number;
  }[];
  const chapters = sqlite.prepare(`SELECT id, title FROM chapters ORDER BY id`).all() as { id: number; title: string }[];
  const chapterTopicRows = sqlite.prepare(`SELECT chapter_id AS chapter, topic_id AS topic, score FROM chapter_topics`).all() as {
    chapter: number;
    topic: number;
    score: number;
  }[];

  const personIx = indexBy(people);
  const showIx = indexBy(shows);
  const topicIx = indexBy(topics);
  const docIx = indexBy(docs);
  const chapterIx = indexBy(chapters);
  const guestsOf = new Map<number, number[]>();
  for (const g of guests) {
    const list = guestsOf.get(g.doc) ?? [];
    list.push(personIx.get(g.person)!);
    guestsOf.set(g.doc, list);
  }
  const chapterTopics = new Map<number, { topic: number; score: number }[]>();
  for (const r of chapterTopicRows) {
    const list = chapterTopics.get(r.chapter) ?? [];
    list.push({ topic: topicIx.get(r.topic)!, score: r.score });
    chapterTopics.set(r.chapter, list);
  }
  const label = (x: { slug: string; name: string }): Labelled => ({ value: x.slug, label: x.name });
  const peopleLabels = people.map(label);
  const catalog: SourceCatalog = {
    docs: docs.map((d) => ({
      id: d.id,
      title: d.title,
      kind: d.kind,
      show: d.showId === null ? -1 : (showIx.get(d.showId) ?? -1),
      guests: guestsOf.get(d.id) ?? [],
    })),
    chapterTitles: chapters.map((c) => c.title),
    labels: { topic: topics.map(label), guest: peopleLabels, show: shows.map(label), speaker: peopleLabels, kind: [] },
  };

  const stmt = sqlite.prepare(
    `SELECT s.id, s.document_id AS documentId, s.chapter_id AS chapterId, s.speaker_person_id AS speakerId,
            s.start_seconds AS start, s.text,
            (SELECT group_concat(st.topic_id || ':' || st.score) FROM segment_topics st WHERE st.segment_id = s.id) AS topics
     FROM segments s ORDER BY s.document_id, s.ordinal`,
  );
  function* segments(): Generator<SourceSegment> {
    for (const row of stmt.iterate() as Iterable<SegmentRow>) {
      const own = parseTopics(row.topics, topicIx);
      const inherited = row.chapterId === null ? undefined : chapterTopics.get(row.chapterId);
      yield {
        segmentId: row.id,
        doc: docIx.get(row.documentId)!,
        chapter: row.chapterId === null ? -1 : (chapterIx.get(row.chapterId) ?? -1),
        speaker: row.speakerId === null ? -1 : (personIx.get(row.speakerId) ?? -1),
        start: row.start,
        text: row.text,
        topics: inherited ? mergeTopics(own, inherited) : own,
      };
    }
  }
  return { contentVersion, catalog, segments };
}

function indexBy(rows: readonly { id: number }[]): Map<number, number> {
  return new Map(rows.map((r, i) => [r.id, i]));
}

function parseTopics(raw: string | null, topicIx: Map<number, number>): { topic: number; score: number }[] {
  if (!raw) return [];
  return raw.split(',').flatMap((pair) => {
    const [id, score] = pair.split(':');
    const topic = topicIx.get(Number(id));
    return topic === undefined ? [] : [{ topic, score: Number(score) }];
  });
}

/** Own and chapter topics, each topic once with the higher score. */
function mergeTopics(own: { topic: number; score: number }[], chapter: { topic: number; score: number }[]) {
  const best = new Map<number, number>();
  for (const t of [...own, ...chapter]) best.set(t.topic, Math.max(best.get(t.topic) ?? 0, t.score));
  return [...best].map(([topic, score]) => ({ topic, score }));
}
