import { and, eq, notExists, sql } from 'drizzle-orm';
import type { DocumentRows } from '@/lib/ingest/reshape';
import { slugify, uniqueSlug } from '@/lib/slug';
import { WRITE, type Db, type LadderDb } from '../client';
import { writeChapterRows, writeSegmentRows } from './bulk-rows';
import {
  documentPeople,
  documentSpeakers,
  documentTopics,
  documents,
  fileImports,
  meta,
  people,
  segments,
  shows,
} from '../schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const BATCH = 400;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

export function bumpContentVersion(tx: Tx | Db): void {
  tx.insert(meta)
    .values({ key: 'content_version', value: '1' })
    .onConflictDoUpdate({ target: meta.key, set: { value: sql`CAST(${meta.value} AS INTEGER) + 1` } })
    .run();
}

function upsertPerson(tx: Tx, p: Pick<DocumentRows['people'][number], 'name'> & Partial<DocumentRows['people'][number]>): number {
  const slug = slugify(p.name);
  const facts = {
    ...(p.biggestRole ? { biggestRole: p.biggestRole } : {}),
    ...(p.currentCompany ? { currentCompany: p.currentCompany } : {}),
    ...(p.companySize ? { companySize: p.companySize } : {}),
    ...(p.careerStartYear ? { careerStartYear: p.careerStartYear } : {}),
  };
  const row = tx
    .insert(people)
    .values({ slug, name: p.name, ...facts })
    .onConflictDoUpdate({ target: people.slug, set: { name: p.name, ...facts } })
    .returning({ id: people.id })
    .get();
  return row.id;
}

/**
 * A document's hosts and guests (document_people) and every speaker label as
 * resolved (document_speakers). Returns name → person id for its segments.
 */
function writePeople(tx: Tx, documentId: number, list: DocumentRows['people'], speakers: DocumentRows['speakers']): (name: string) => number {
  const ids = new Map<string, number>();
  const idOf = (p: Parameters<typeof upsertPerson>[1]) => {
    const key = slugify(p.name);
    const id = ids.get(key) ?? upsertPerson(tx, p);
    ids.set(key, id);
    return id;
  };
  for (const p of list) {
    tx.insert(documentPeople).values({ documentId, personId: idOf(p), role: p.role }).onConflictDoNothing().run();
  }
  const rows = speakers.map((s) => ({
    documentId,
    label: s.label,
    personId: s.person ? idOf({ name: s.person }) : null,
    role: s.role,
    declaredRole: s.declaredRole,
    turns: s.turns,
    words: s.words,
    seconds: s.seconds,
    note: s.note,
  }));
  for (const part of chunks(rows)) tx.insert(documentSpeakers).values(part).onConflictDoNothing().run();
  return (name) => idOf({ name });
}

/**
 * Brings a stored document in line with a new resolution of its speakers (the
 * archive around it changed): its people, speaker rows and the person of each
 * of its segments. Text, times and topics stay as they are.
 */
export function rewriteSpeakers(tx: Tx, documentId: number, people: DocumentRows['people'], speakers: DocumentRows['speakers']): void {
  tx.delete(documentPeople).where(eq(documentPeople.documentId, documentId)).run();
  tx.delete(documentSpeakers).where(eq(documentSpeakers.documentId, documentId)).run();
  const personId = writePeople(tx, documentId, people, speakers);
  for (const s of speakers) {
    if (s.turns === 0) continue;
    const id = s.person && (s.role === 'host' || s.role === 'guest') ? personId(s.person) : null;
    tx.update(segments).set({ speakerPersonId: id }).where(and(eq(segments.documentId, documentId), eq(segments.speakerLabel, s.label))).run();
  }
}

/** Removes a document and everything hanging off it; FTS rows go with the segments via triggers. */
export function deleteDocument(tx: Tx, documentId: number): void {
  tx.delete(segments).where(eq(segments.documentId, documentId)).run();
  tx.delete(documents).where(eq(documents.id, documentId)).run();
}

/** People and shows that no document refers to any more would be ghost pages. */
export function removeOrphans(tx: Tx | Db): void {
  tx.delete(people)
    .where(
      and(
        notExists(tx.select({ x: sql`1` }).from(documentPeople).where(eq(documentPeople.personId, people.id))),
        notExists(tx.select({ x: sql`1` }).from(segments).where(eq(segments.speakerPersonId, people.id))),
        notExists(tx.select({ x: sql`1` }).from(documentSpeakers).where(eq(documentSpeakers.personId, people.id))),
      ),
    )
    .run();
  tx.delete(shows)
    .where(notExists(tx.select({ x: sql`1` }).from(documents).where(eq(documents.showId, shows.id))))
    .run();
}

/**
 * Replaces the documents of several source files in one transaction: a crash
 * at any point leaves every previous version whole. Returns each document's id
 * and the slug it was stored at. Batching saves a commit per file; the caller
 * falls back to one file per transaction when a batch fails, so one bad
 * document never holds back the others.
 */
export function writeDocuments(ladder: LadderDb, list: readonly DocumentRows[], topicIds: ReadonlyMap<string, number>, now: string): { id: number; slug: string }[] {
  return ladder.db.transaction((tx) => {
    const out = list.map((rows) => writeOne(ladder, tx, rows, topicIds, now));
    removeOrphans(tx);
    bumpContentVersion(tx);
    return out;
  }, WRITE);
}

/** One document inside the caller's transaction. */
function writeOne(ladder: LadderDb, tx: Tx, rows: DocumentRows, topicIds: ReadonlyMap<string, number>, now: string): { id: number; slug: string } {
  {
    const warnings: string[] = [];
    const existing = tx
      .select({ id: documents.id, slug: documents.slug })
      .from(documents)
      .where(eq(documents.sourcePath, rows.document.sourcePath))
      .get();
    if (existing) deleteDocument(tx, existing.id);
    const taken = (s: string) => !!tx.select({ id: documents.id }).from(documents).where(eq(documents.slug, s)).get();
    // a re-imported file keeps its URL; a new one takes the first free slug
    const wanted = existing?.slug ?? rows.document.slugBase;
    const slug = uniqueSlug(wanted, taken);
    if (slug !== wanted) warnings.push(`slug "${wanted}" is taken by another document; stored as "${slug}"`);

    let showId: number | null = null;
    if (rows.show) {
      showId = tx
        .insert(shows)
        .values({ slug: slugify(rows.show), name: rows.show })
        .onConflictDoUpdate({ target: shows.slug, set: { name: rows.show } })
        .returning({ id: shows.id })
        .get().id;
    }
    const { slugBase: _unused, warnings: parseWarnings, ...doc } = rows.document;
    const documentId = tx
      .insert(documents)
      .values({ ...doc, slug, showId, warnings: [...parseWarnings, ...warnings], importedAt: now })
      .returning({ id: documents.id })
      .get().id;

    const personId = writePeople(tx, documentId, rows.people, rows.speakers);

    const docTopics = rows.topics.flatMap((t) => {
      const topicId = topicIds.get(t.slug);
      return topicId ? [{ documentId, topicId, score: t.score, segments: t.segments, chapter: t.chapter }] : [];
    });
    if (docTopics.length > 0) tx.insert(documentTopics).values(docTopics).run();

    const chapterIds = writeChapterRows(ladder.sqlite, documentId, rows.chapters, topicIds);
    writeSegmentRows(ladder.sqlite, documentId, rows.segments, chapterIds, personId, topicIds);

    tx.insert(fileImports)
      .values({ sourcePath: doc.sourcePath, contentHash: doc.contentHash, status: existing ? 'updated' : 'imported', documentId, importedAt: now })
      .onConflictDoUpdate({
        target: fileImports.sourcePath,
        set: { contentHash: doc.contentHash, status: existing ? 'updated' : 'imported', error: null, line: null, documentId, importedAt: now },
      })
      .run();
    return { id: documentId, slug };
  }
}

