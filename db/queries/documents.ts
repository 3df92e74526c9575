import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import type { TimeMark } from '@/lib/ingest/types';
import { getServerDb, readSnapshot, type LadderDb } from '../client';
import { chapterTopics, chapters, documentPeople, documents, people, segmentTopics, segments, shows, topics } from '../schema';

export interface DocumentDetail {
  id: number;
  slug: string;
  kind: 'episode' | 'brief' | 'article' | 'note';
  title: string;
  description: string | null;
  summary: string | null;
  show: { slug: string; name: string } | null;
  publishedOn: string | null;
  durationSeconds: number | null;
  mediaUrl: string | null;
  format: string;
  people: { slug: string; name: string; role: 'host' | 'guest'; biggestRole: string | null; currentCompany: string | null }[];
  chapters: { id: number; ordinal: number; title: string; anchor: string; startSeconds: number | null; endSeconds: number | null; estimated: boolean; generated: boolean; topics: string[] }[];
  segments: {
    id: number;
    ordinal: number;
    chapterId: number | null;
    speaker: string | null;
    speakerSlug: string | null;
    startSeconds: number | null;
    estimated: boolean;
    text: string;
    topics: string[];
    /** times inside the text: [char offset, seconds, 1 exact | 0 estimated] */
    marks: TimeMark[] | null;
  }[];
}

/** One document with its people, chapters and segments; null when the slug is unknown. */
function readGetDocumentBySlug({ slug, ladderDb = getServerDb() }: { slug: string; ladderDb?: LadderDb }): DocumentDetail | null {
  const { db } = ladderDb;
  const doc = db
    .select({ d: documents, showSlug: shows.slug, showName: shows.name })
    .from(documents)
    .leftJoin(shows, eq(shows.id, documents.showId))
    .where(eq(documents.slug, slug))
    .get();
  if (!doc) return null;
  const d = doc.d;
  const cast = db
    .select({ slug: people.slug, name: people.name, role: documentPeople.role, biggestRole: people.biggestRole, currentCompany: people.currentCompany })
    .from(documentPeople)
    .innerJoin(people, eq(people.id, documentPeople.personId))
    .where(eq(documentPeople.documentId, d.id))
    .orderBy(asc(documentPeople.role), asc(people.name))
    .all();
  const chapterRows = db.select().from(chapters).where(eq(chapters.documentId, d.id)).orderBy(asc(chapters.ordinal)).all();
  const segmentRows = db
    .select({ s: segments, speakerName: people.name, speakerSlug: people.slug })
    .from(segments)
    .leftJoin(people, eq(people.id, segments.speakerPersonId))
    .where(eq(segments.documentId, d.id))
    .orderBy(asc(segments.ordinal))
    .all();
  // joined by document, not one SQL variable per chapter (50,000 chapters were "too many SQL variables")
  const chapterTopicRows = db
    .select({ chapterId: chapterTopics.chapterId, slug: topics.slug })
    .from(chapterTopics)
    .innerJoin(chapters, eq(chapters.id, chapterTopics.chapterId))
    .innerJoin(topics, eq(topics.id, chapterTopics.topicId))
    .where(eq(chapters.documentId, d.id))
    .orderBy(desc(chapterTopics.score))
    .all();
  const segmentTopicRows = db
    .select({ segmentId: segmentTopics.segmentId, slug: topics.slug })
    .from(segmentTopics)
    .innerJoin(segments, eq(segments.id, segmentTopics.segmentId))
    .innerJoin(topics, eq(topics.id, segmentTopics.topicId))
    .where(eq(segments.documentId, d.id))
    .orderBy(desc(segmentTopics.score))
    .all();
  const group = (rows: { key: number; slug: string }[]) => {
    const m = new Map<number, string[]>();
    for (const r of rows) {
      const list = m.get(r.key);
      if (list) list.push(r.slug);
      else m.set(r.key, [r.slug]);
    }
    return m;
  };
  const byChapter = group(chapterTopicRows.map((r) => ({ key: r.chapterId, slug: r.slug })));
  const bySegment = group(segmentTopicRows.map((r) => ({ key: r.segmentId, slug: r.slug })));
  return {
    id: d.id,
    slug: d.slug,
    kind: d.kind,
    title: d.title,
    description: d.description,
    summary: d.summary,
    show: doc.showSlug && doc.showName ? { slug: doc.showSlug, name: doc.showName } : null,
    publishedOn: d.publishedOn,
    durationSeconds: d.durationSeconds,
    mediaUrl: d.mediaUrl,
    format: d.format,
    people: cast,
    chapters: chapterRows.map((c) => ({ ...c, topics: byChapter.get(c.id) ?? [] })),
    segments: segmentRows.map(({ s, speakerName, speakerSlug }) => ({
      id: s.id,
      ordinal: s.ordinal,
      chapterId: s.chapterId,
      speaker: speakerName ?? s.speakerLabel,
      speakerSlug: speakerSlug ?? null,
      startSeconds: s.startSeconds,
      estimated: s.estimated,
      text: s.text,
      topics: bySegment.get(s.id) ?? [],
      marks: s.marks ?? null,
    })),
  };
}

export type DocumentKind = DocumentDetail['kind'];

// the library's list lives beside it; re-exported so pages import documents from one place
export { listDocuments, type DocumentFilters, type DocumentListItem } from './document-list';

/** Runs in one read transaction so an import committing meanwhile cannot mix two versions. */
export function getDocumentBySlug(args: { slug: string; ladderDb?: LadderDb }): DocumentDetail | null {
  const ladderDb = args.ladderDb ?? getServerDb();
  return readSnapshot(ladderDb, () => readGetDocumentBySlug({ ...args, ladderDb }));
}
