import { asc, eq } from 'drizzle-orm';
import { extractMoments } from '@/lib/careers/extract';
import type { CareerData, MomentInput } from '@/lib/careers/input';
import type { Moment } from '@/lib/careers/types';
import { currentCareerData } from '../career-data';
import type { Db } from '../client';
import { careerMoments, chapters, documentPeople, documents, people, segments } from '../schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The career moments of one document, written in the document's own transaction
 * after its segments (replacing a document removes its moments with it); read
 * from the rows unless the rows bring them.
 * `personId` gives the person of a name, as the segments were written with.
 */
export function writeMoments(
  tx: Tx,
  args: { documentId: number; input: MomentInput; personId: (name: string) => number | null; moments?: Moment[]; data?: CareerData },
): number {
  tx.delete(careerMoments).where(eq(careerMoments.documentId, args.documentId)).run();
  // read where the rows were shaped (on a worker), or here
  const moments = args.moments ?? extractMoments(args.input, args.data ?? currentCareerData());
  if (moments.length === 0) return 0;
  const segmentIds = new Map(
    tx.select({ id: segments.id, ordinal: segments.ordinal }).from(segments).where(eq(segments.documentId, args.documentId)).all().map((s) => [s.ordinal, s.id]),
  );
  tx.insert(careerMoments)
    .values(
      moments.map(({ person, segmentOrdinal, ...m }, ordinal) => ({
        ...m,
        documentId: args.documentId,
        personId: args.personId(person),
        segmentId: segmentOrdinal === null ? null : (segmentIds.get(segmentOrdinal) ?? null),
        ordinal,
      })),
    )
    .run();
  return moments.length;
}

/** What moment extraction reads of a stored document, and its people's ids by name; null when it is gone. */
export function storedMomentInput(tx: Tx | Db, documentId: number): { input: MomentInput; personId: (name: string) => number | null } | null {
  const doc = tx
    .select({ publishedOn: documents.publishedOn, description: documents.description, summary: documents.summary })
    .from(documents)
    .where(eq(documents.id, documentId))
    .get();
  if (!doc) return null;
  const cast = tx
    .select({ id: people.id, name: people.name, role: documentPeople.role })
    .from(documentPeople)
    .innerJoin(people, eq(people.id, documentPeople.personId))
    .where(eq(documentPeople.documentId, documentId))
    .all();
  const nameOf = new Map(cast.map((p) => [p.id, p.name]));
  const chapterRows = tx.select().from(chapters).where(eq(chapters.documentId, documentId)).orderBy(asc(chapters.ordinal)).all();
  const chapterOrdinal = new Map(chapterRows.map((c) => [c.id, c.ordinal]));
  const input: MomentInput = {
    document: doc,
    people: cast,
    chapters: chapterRows,
    segments: tx
      .select()
      .from(segments)
      .where(eq(segments.documentId, documentId))
      .orderBy(asc(segments.ordinal))
      .all()
      .map((s) => ({
        ...s,
        chapterOrdinal: s.chapterId === null ? null : (chapterOrdinal.get(s.chapterId) ?? null),
        speakerName: s.speakerPersonId === null ? null : (nameOf.get(s.speakerPersonId) ?? null),
      })),
  };
  const ids = new Map(cast.map((p) => [p.name.toLowerCase(), p.id]));
  return { input, personId: (name) => ids.get(name.toLowerCase()) ?? null };
}

/**
 * Moments again for a stored document whose speakers were resolved anew (the
 * archive around it changed who is host and who is guest): read from its rows.
 */
export function rewriteMoments(tx: Tx, documentId: number): number {
  const stored = storedMomentInput(tx, documentId);
  return stored ? writeMoments(tx, { documentId, ...stored }) : 0;
}
