import { and, eq, notExists, sql } from 'drizzle-orm';
import type { DocumentRows } from '@/lib/ingest/reshape';
import { slugify, uniqueSlug } from '@/lib/slug';
import { WRITE, type Db } from '../client';
import { writeMoments } from './moments';
import {
  chapterTopics,
  chapters,
  documentPeople,
  documents,
  fileImports,
  meta,
  people,
  segmentTopics,
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

function upsertPerson(tx: Tx, p: DocumentRows['people'][number]): number {
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
      ),
    )
    .run();
  tx.delete(shows)
    .where(notExists(tx.select({ x: sql`1` }).from(documents).where(eq(documents.showId, shows.id))))
    .run();
}

/**
 * Replaces the document of one source file in a single transaction: a crash at
 * any point leaves the previous version whole. Returns the slug it was stored at
 * and any warning about it.
 */
export function writeDocument(
  db: Db,
  rows: DocumentRows,
  topicIds: ReadonlyMap<string, number>,
  now: string,
): { slug: string; warnings: string[] } {
  return db.transaction((tx) => {
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

    const personIds = new Map<string, number>();
    for (const p of rows.people) {
      const id = personIds.get(p.name.toLowerCase()) ?? upsertPerson(tx, p);
      personIds.set(p.name.toLowerCase(), id);
      tx.insert(documentPeople).values({ documentId, personId: id, role: p.role }).onConflictDoNothing().run();
    }

    const chapterIds = new Map<number, number>();
    for (const c of rows.chapters) {
      const { topics, ...chapter } = c;
      const id = tx.insert(chapters).values({ ...chapter, documentId }).returning({ id: chapters.id }).get().id;
      chapterIds.set(c.ordinal, id);
      const links = topics.flatMap((t) => {
        const topicId = topicIds.get(t.slug);
        return topicId ? [{ chapterId: id, topicId, score: t.score }] : [];
      });
      if (links.length > 0) tx.insert(chapterTopics).values(links).run();
    }

    const segmentIds = new Map<number, number>();
    for (const batch of chunks(rows.segments)) {
      const ids = tx
        .insert(segments)
        .values(
          batch.map((s) => ({
            documentId,
            chapterId: s.chapterOrdinal === null ? null : (chapterIds.get(s.chapterOrdinal) ?? null),
            ordinal: s.ordinal,
            speakerPersonId: s.speakerName ? (personIds.get(s.speakerName.toLowerCase()) ?? null) : null,
            speakerLabel: s.speakerLabel,
            startSeconds: s.startSeconds,
            estimated: s.estimated,
            text: s.text,
            kind: s.kind,
            turn: s.turn,
            marks: s.marks,
          })),
        )
        .returning({ id: segments.id })
        .all();
      batch.forEach((s, i) => ids[i] && segmentIds.set(s.ordinal, ids[i].id));
      const links = batch.flatMap((s, i) =>
        s.topics.flatMap((t) => {
          const topicId = topicIds.get(t.slug);
          const segmentId = ids[i]?.id;
          return topicId && segmentId ? [{ segmentId, topicId, score: t.score }] : [];
        }),
      );
      for (const part of chunks(links)) tx.insert(segmentTopics).values(part).run();
    }

    writeMoments(tx, { documentId, rows, personIds, segmentIds });

    tx.insert(fileImports)
      .values({ sourcePath: doc.sourcePath, contentHash: doc.contentHash, status: existing ? 'updated' : 'imported', documentId, importedAt: now })
      .onConflictDoUpdate({
        target: fileImports.sourcePath,
        set: { contentHash: doc.contentHash, status: existing ? 'updated' : 'imported', error: null, line: null, documentId, importedAt: now },
      })
      .run();
    removeOrphans(tx);
    bumpContentVersion(tx);
    return { slug, warnings };
  }, WRITE);
}

