import type { SourceCatalog, SourceSegment } from '@/lib/search/build';
import { ROLE } from '@/lib/search/store';
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
  /** streams the speech segments in document order (call inside the same read transaction) */
  segments: () => Iterable<SourceSegment>;
}

const ROLE_CODE: Record<string, number> = { guest: ROLE.guest, host: ROLE.host, voice: ROLE.voice, pseudo: ROLE.voice };
const PERSON_SPAN = 2 ** 26;

/**
 * Reads what the index is built from. Call inside a read transaction so every
 * read sees the same snapshot (an import may commit meanwhile). Only speech is
 * indexed: breaks, ads and sound labels are never quoted. A segment's topics
 * are its own plus its chapter's: a chapter about PIPs makes every answer in
 * it a PIP answer, even one that only says "it". A speaker's role is the one
 * the importer resolved for that label in that document (document_speakers),
 * else the person's role in the document (document_people), else none.
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
  const links = sqlite.prepare(`SELECT document_id AS doc, person_id AS person, role FROM document_people`).all() as { doc: number; person: number; role: string }[];
  const chapters = sqlite.prepare(`SELECT id, title, generated FROM chapters ORDER BY id`).all() as { id: number; title: string; generated: number }[];
  const chapterTopicRows = sqlite.prepare(`SELECT chapter_id AS chapter, topic_id AS topic, score FROM chapter_topics`).all() as {
    chapter: number;
    topic: number;
    score: number;
  }[];
  const segmentTopicRows = sqlite.prepare(`SELECT segment_id AS segment, topic_id AS topic, score FROM segment_topics`).raw().all() as [number, number, number][];

  const personIx = indexBy(people);
  const showIx = indexBy(shows);
  const topicIx = indexBy(topics);
  // read once per segment: arrays by id rather than maps
  const docAt = denseIndex(docs);
  const chapterAt = denseIndex(chapters);
  const personAt = denseIndex(people);
  const guestsOf = new Map<number, number[]>();
  // keyed by document and person as one number: no string per segment
  const personRole = new Map<number, number>();
  for (const l of links) {
    if (l.role === 'guest') guestsOf.set(l.doc, [...(guestsOf.get(l.doc) ?? []), personIx.get(l.person)!]);
    personRole.set(l.doc * PERSON_SPAN + l.person, ROLE_CODE[l.role] ?? ROLE.none);
  }
  const chapterTopics = groupTopics(chapterTopicRows.map((r) => [r.chapter, r.topic, r.score]), topicIx);
  const segmentTopics = groupTopics(segmentTopicRows, topicIx);
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
    generatedChapters: chapters.flatMap((c, i) => (c.generated ? [i] : [])),
    labels: { topic: topics.map(label), guest: peopleLabels, show: shows.map(label), speaker: peopleLabels },
  };

  const stmt = sqlite
    .prepare(
      `SELECT s.id, s.document_id, s.chapter_id, s.speaker_person_id, ds.role, s.start_seconds, s.text
       FROM segments s LEFT JOIN document_speakers ds ON ds.document_id = s.document_id AND ds.label = s.speaker_label
       WHERE s.kind = 'speech' ORDER BY s.document_id, s.ordinal`,
    )
    .raw();
  function* segments(): Generator<SourceSegment> {
    for (const row of stmt.iterate() as Iterable<[number, number, number | null, number | null, string | null, number | null, string]>) {
      const [id, documentId, chapterId, personId, speakerRole, start, text] = row;
      const own = segmentTopics.get(id) ?? NONE;
      const inherited = chapterId === null ? undefined : chapterTopics.get(chapterId);
      const role = (speakerRole !== null ? ROLE_CODE[speakerRole] : undefined) ?? (personId !== null ? personRole.get(documentId * PERSON_SPAN + personId) : undefined) ?? ROLE.none;
      yield {
        segmentId: id,
        doc: docAt[documentId]!,
        chapter: chapterId === null ? -1 : (chapterAt[chapterId] ?? -1),
        speaker: personId === null ? -1 : (personAt[personId] ?? -1),
        role,
        start,
        text,
        topics: inherited ? mergeTopics(own, inherited) : own,
      };
    }
  }
  return { contentVersion, catalog, segments };
}

const NONE: { topic: number; score: number }[] = [];

function indexBy(rows: readonly { id: number }[]): Map<number, number> {
  return new Map(rows.map((r, i) => [r.id, i]));
}

/** id → position in rows, as an array (ids are SQLite rowids: dense enough), -1 for none. */
function denseIndex(rows: readonly { id: number }[]): Int32Array {
  let max = 0;
  for (const r of rows) if (r.id > max) max = r.id;
  const at = new Int32Array(max + 1).fill(-1);
  rows.forEach((r, i) => (at[r.id] = i));
  return at;
}

/** Rows of (owner, topic id, score) → owner → topics as catalog indexes. */
function groupTopics(rows: readonly (readonly [number, number, number])[], topicIx: Map<number, number>): Map<number, { topic: number; score: number }[]> {
  const out = new Map<number, { topic: number; score: number }[]>();
  for (const [owner, topicId, score] of rows) {
    const topic = topicIx.get(topicId);
    if (topic === undefined) continue;
    const list = out.get(owner);
    if (list) list.push({ topic, score });
    else out.set(owner, [{ topic, score }]);
  }
  return out;
}

/** Own and chapter topics, each topic once with the higher score. */
function mergeTopics(own: { topic: number; score: number }[], chapter: { topic: number; score: number }[]) {
  const best = new Map<number, number>();
  for (const t of [...own, ...chapter]) best.set(t.topic, Math.max(best.get(t.topic) ?? 0, t.score));
  return [...best].map(([topic, score]) => ({ topic, score }));
}
