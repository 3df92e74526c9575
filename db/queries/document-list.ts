import 'server-only';
import { and, asc, desc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import { getServerDb, type LadderDb } from '../client';
import { chapters, documentPeople, documents, people, segmentTopics, segments, shows, topics } from '../schema';
import type { DocumentKind } from './documents';

export interface DocumentFilters {
  kind?: string;
  show?: string;
  guest?: string;
  topic?: string;
  /** only these documents (e.g. the ones a search matched) */
  slugs?: readonly string[];
}

export interface DocumentListItem {
  slug: string;
  kind: DocumentKind;
  title: string;
  description: string | null;
  publishedOn: string | null;
  durationSeconds: number | null;
  showName: string | null;
  showSlug: string | null;
  people: { slug: string; name: string; role: 'host' | 'guest' }[];
  topics: { slug: string; name: string }[];
  chapterCount: number;
}

function filterConditions(ladderDb: LadderDb, f: DocumentFilters): SQL[] {
  const { db } = ladderDb;
  const out: SQL[] = [];
  if (f.kind) out.push(eq(documents.kind, f.kind as DocumentKind));
  if (f.show) out.push(eq(shows.slug, f.show));
  if (f.slugs) out.push(inArray(documents.slug, f.slugs.length > 0 ? [...f.slugs] : ['']));
  if (f.guest) {
    const sub = db
      .select({ x: sql`1` })
      .from(documentPeople)
      .innerJoin(people, eq(people.id, documentPeople.personId))
      .where(and(eq(documentPeople.documentId, documents.id), eq(people.slug, f.guest)));
    out.push(exists(sub));
  }
  if (f.topic) {
    // a document is about a topic when some segment of it is tagged with it (briefs have no chapters)
    const sub = db
      .select({ x: sql`1` })
      .from(segmentTopics)
      .innerJoin(segments, eq(segments.id, segmentTopics.segmentId))
      .innerJoin(topics, eq(topics.id, segmentTopics.topicId))
      .where(and(eq(segments.documentId, documents.id), eq(topics.slug, f.topic)));
    out.push(exists(sub));
  }
  return out;
}

/** Documents newest first (undated ones last), optionally filtered by kind, show, person and topic slugs. */
export function listDocuments({
  filters = {},
  limit,
  ladderDb = getServerDb(),
}: { filters?: DocumentFilters; limit?: number; ladderDb?: LadderDb } = {}): DocumentListItem[] {
  const { db } = ladderDb;
  const where = filterConditions(ladderDb, filters);
  const base = db
    .select({
      id: documents.id,
      slug: documents.slug,
      kind: documents.kind,
      title: documents.title,
      description: documents.description,
      publishedOn: documents.publishedOn,
      durationSeconds: documents.durationSeconds,
      showName: shows.name,
      showSlug: shows.slug,
    })
    .from(documents)
    .leftJoin(shows, eq(shows.id, documents.showId))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(sql`${documents.publishedOn} is null`, desc(documents.publishedOn), asc(documents.title));
  const rows = limit ? base.limit(limit).all() : base.all();
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const cast = db
    .select({ documentId: documentPeople.documentId, slug: people.slug, name: people.name, role: documentPeople.role })
    .from(documentPeople)
    .innerJoin(people, eq(people.id, documentPeople.personId))
    .where(inArray(documentPeople.documentId, ids))
    .orderBy(desc(documentPeople.role), asc(people.name))
    .all();
  // the topics a document is most about: summed segment scores, top three
  const topicRows = db
    .select({ documentId: segments.documentId, slug: topics.slug, name: topics.name, weight: sql<number>`sum(${segmentTopics.score})` })
    .from(segmentTopics)
    .innerJoin(segments, eq(segments.id, segmentTopics.segmentId))
    .innerJoin(topics, eq(topics.id, segmentTopics.topicId))
    .where(inArray(segments.documentId, ids))
    .groupBy(segments.documentId, topics.id)
    .orderBy(desc(sql`sum(${segmentTopics.score})`))
    .all();
  const chapterCounts = db
    .select({ documentId: chapters.documentId, n: sql<number>`count(*)` })
    .from(chapters)
    .where(inArray(chapters.documentId, ids))
    .groupBy(chapters.documentId)
    .all();
  const countBy = new Map(chapterCounts.map((c) => [c.documentId, c.n]));
  return rows.map(({ id, ...r }) => ({
    ...r,
    people: cast.filter((c) => c.documentId === id).map(({ documentId: _d, ...p }) => p),
    topics: topicRows
      .filter((t) => t.documentId === id)
      .slice(0, 3)
      .map((t) => ({ slug: t.slug, name: t.name })),
    chapterCount: countBy.get(id) ?? 0,
  }));
}
