import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { getServerDb, type LadderDb } from '../client';
import { documentPeople, documents, people, segmentTopics, segments, shows, topics } from '../schema';
import { likeWords } from './document-list';
import type { DocumentKind } from './documents';

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export interface DocumentFacets {
  kind: FacetOption[];
  show: FacetOption[];
  guest: FacetOption[];
  topic: FacetOption[];
  /** how many shows and guests there are (or match the facet's search), of which `show`/`guest` are the first */
  totals: { show: number; guest: number };
}

export interface FacetOptions {
  /** most documents first, at most this many shows and guests (the active one is always kept) */
  limit?: number;
  /** words a show's or guest's name must contain (the facet's own search box) */
  match?: { show?: string; guest?: string };
  active?: { show?: string; guest?: string };
}

const KIND_LABELS: Record<DocumentKind, string> = { episode: 'Episodes', brief: 'Briefs', article: 'Articles', note: 'Notes' };

/**
 * The values the document list can be filtered by, each with how many
 * documents it has. Shows and guests can run to hundreds: the ones with the
 * most documents come first, and `match` searches all of them by name.
 */
export function getDocumentFacets({ ladderDb = getServerDb(), limit = 1_000_000, match = {}, active = {} }: { ladderDb?: LadderDb } & FacetOptions = {}): DocumentFacets {
  const { db } = ladderDb;
  const n = sql<number>`count(distinct ${documents.id})`;
  const kind = db.select({ value: documents.kind, count: n }).from(documents).groupBy(documents.kind).orderBy(desc(n)).all();
  const named = (column: typeof shows.name | typeof people.name, text: string | undefined) => likeWords(text).map((w) => sql`${column} like ${w} escape '\\'`);
  const showWhere = named(shows.name, match.show);
  const shows_ = db
    .select({ value: shows.slug, label: shows.name, count: n })
    .from(shows)
    .innerJoin(documents, eq(documents.showId, shows.id))
    .where(showWhere.length > 0 ? and(...showWhere) : undefined)
    .groupBy(shows.id)
    .orderBy(desc(n), asc(shows.name))
    .all();
  const guestWhere = named(people.name, match.guest);
  const guests = db
    .select({ value: people.slug, label: people.name, count: n })
    .from(people)
    .innerJoin(documentPeople, and(eq(documentPeople.personId, people.id), eq(documentPeople.role, 'guest')))
    .innerJoin(documents, eq(documents.id, documentPeople.documentId))
    .where(guestWhere.length > 0 ? and(...guestWhere) : undefined)
    .groupBy(people.id)
    .orderBy(desc(n), asc(people.name))
    .all();
  const keep = (options: FacetOption[], value: string | undefined) => {
    const top = options.slice(0, limit);
    const hit = value && !top.some((o) => o.value === value) ? options.find((o) => o.value === value) : undefined;
    return hit ? [...top, hit] : top;
  };
  const show = keep(shows_, active.show);
  const guest = keep(guests, active.guest);
  const topic = db
    .select({ value: topics.slug, label: topics.name, count: sql<number>`count(distinct ${segments.documentId})` })
    .from(topics)
    .innerJoin(segmentTopics, eq(segmentTopics.topicId, topics.id))
    .innerJoin(segments, eq(segments.id, segmentTopics.segmentId))
    .groupBy(topics.id)
    .orderBy(asc(topics.name))
    .all();
  return {
    kind: kind.map((k) => ({ value: k.value, label: KIND_LABELS[k.value], count: k.count })),
    show,
    guest,
    topic,
    totals: { show: shows_.length, guest: guests.length },
  };
}

export interface ArchiveCounts {
  documents: number;
  chapters: number;
  segments: number;
  people: number;
  topics: number;
}

/** How much there is to browse; all zeros on a fresh database. */
export function getArchiveCounts({ ladderDb = getServerDb() }: { ladderDb?: LadderDb } = {}): ArchiveCounts {
  const row = ladderDb.sqlite
    .prepare(
      `select (select count(*) from documents) as documents, (select count(*) from chapters) as chapters,
              (select count(*) from segments) as segments, (select count(*) from people) as people,
              (select count(*) from topics) as topics`,
    )
    .get() as ArchiveCounts;
  return row;
}
