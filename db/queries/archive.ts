import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { getServerDb, type LadderDb } from '../client';
import { documentPeople, documents, people, segmentTopics, segments, shows, topics } from '../schema';
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
}

const KIND_LABELS: Record<DocumentKind, string> = { episode: 'Episodes', brief: 'Briefs', article: 'Articles', note: 'Notes' };

/** The values the document list can be filtered by, each with how many documents it has. */
export function getDocumentFacets({ ladderDb = getServerDb() }: { ladderDb?: LadderDb } = {}): DocumentFacets {
  const { db } = ladderDb;
  const n = sql<number>`count(distinct ${documents.id})`;
  const kind = db.select({ value: documents.kind, count: n }).from(documents).groupBy(documents.kind).orderBy(desc(n)).all();
  const show = db
    .select({ value: shows.slug, label: shows.name, count: n })
    .from(shows)
    .innerJoin(documents, eq(documents.showId, shows.id))
    .groupBy(shows.id)
    .orderBy(asc(shows.name))
    .all();
  const guest = db
    .select({ value: people.slug, label: people.name, count: n })
    .from(people)
    .innerJoin(documentPeople, and(eq(documentPeople.personId, people.id), eq(documentPeople.role, 'guest')))
    .innerJoin(documents, eq(documents.id, documentPeople.documentId))
    .groupBy(people.id)
    .orderBy(asc(people.name))
    .all();
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
