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
  /** words the title, the show or a person's name contains (the list's filter-as-you-type box) */
  text?: string;
}

/** newest first; most topic-tagged passages first; by title */
export const DOCUMENT_SORTS = ['newest', 'quotes', 'title'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

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
  for (const word of likeWords(f.text)) {
    const person = db
      .select({ x: sql`1` })
      .from(documentPeople)
      .innerJoin(people, eq(people.id, documentPeople.personId))
      .where(and(eq(documentPeople.documentId, documents.id), sql`${people.name} like ${word} escape '\\'`));
    out.push(sql`(${documents.title} like ${word} escape '\\' or coalesce(${shows.name}, '') like ${word} escape '\\' or ${exists(person)})`);
  }
  return out;
}

/** Each word of a filter box as a LIKE pattern (any order, case-insensitive for ASCII); at most 8 words. */
export function likeWords(text: string | undefined): string[] {
  const words = (text ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  return words.map((w) => `%${w.slice(0, 80).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

// A–Z as people read it: case and accents aside, and numbers by value ("#2" before "#10")
const titleCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The ids of one page in title order. SQLite's NOCASE compares code units, so
 * "Episode #100" came before "Episode #11"; the titles of the matching
 * documents are sorted here instead (a few thousand strings at most).
 */
function titleOrder(ladderDb: LadderDb, where: SQL[], limit: number | undefined, offset: number): number[] {
  const all = ladderDb.db
    .select({ id: documents.id, title: documents.title })
    .from(documents)
    .leftJoin(shows, eq(shows.id, documents.showId))
    .where(where.length > 0 ? and(...where) : undefined)
    .all();
  all.sort((a, b) => titleCollator.compare(a.title, b.title) || a.id - b.id);
  return all.slice(offset, limit === undefined ? undefined : offset + limit).map((r) => r.id);
}

function orderFor(sort: DocumentSort): SQL[] {
  const newest = [sql`${documents.publishedOn} is null`, desc(documents.publishedOn), asc(documents.title)];
  if (sort === 'title') return [asc(documents.id)];
  if (sort === 'quotes') {
    const quotes = sql`(select count(*) from ${segmentTopics} st join ${segments} s on s.id = st.segment_id where s.document_id = ${documents.id})`;
    return [desc(quotes), ...newest];
  }
  return newest;
}

/** How many documents the filters leave. */
export function countDocuments({ filters = {}, ladderDb = getServerDb() }: { filters?: DocumentFilters; ladderDb?: LadderDb } = {}): number {
  const where = filterConditions(ladderDb, filters);
  const row = ladderDb.db
    .select({ n: sql<number>`count(*)` })
    .from(documents)
    .leftJoin(shows, eq(shows.id, documents.showId))
    .where(where.length > 0 ? and(...where) : undefined)
    .get();
  return row?.n ?? 0;
}

/**
 * Documents newest first (undated ones last) or in another `sort`, optionally
 * filtered by kind, show, person and topic slugs and by words; `limit` and
 * `offset` take one page.
 */
export function listDocuments({
  filters = {},
  limit,
  offset = 0,
  sort = 'newest',
  ladderDb = getServerDb(),
}: { filters?: DocumentFilters; limit?: number; offset?: number; sort?: DocumentSort; ladderDb?: LadderDb } = {}): DocumentListItem[] {
  const { db } = ladderDb;
  const where = filterConditions(ladderDb, filters);
  const pageIds = sort === 'title' ? titleOrder(ladderDb, where, limit, offset) : null;
  if (pageIds) where.push(inArray(documents.id, pageIds.length > 0 ? pageIds : [-1]));
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
    .orderBy(...orderFor(sort));
  const rows = pageIds ? base.all().sort((a, b) => pageIds.indexOf(a.id) - pageIds.indexOf(b.id)) : limit ? base.limit(limit).offset(offset).all() : base.all();
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
  const castBy = groupBy(cast, (c) => c.documentId);
  const topicsBy = groupBy(topicRows, (t) => t.documentId);
  return rows.map(({ id, ...r }) => ({
    ...r,
    people: (castBy.get(id) ?? []).map(({ documentId: _d, ...p }) => p),
    topics: (topicsBy.get(id) ?? []).slice(0, 3).map((t) => ({ slug: t.slug, name: t.name })),
    chapterCount: countBy.get(id) ?? 0,
  }));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}
