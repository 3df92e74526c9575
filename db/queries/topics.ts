import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { quoteFromText } from '@/lib/episode/quotes';
import { getServerDb, readSnapshot, type LadderDb } from '../client';
import { chapterTopics, chapters, documentPeople, documents, people, topics } from '../schema';
import { getTopicMatcher } from './taxonomy';

export interface TopicSummary {
  slug: string;
  name: string;
  description: string;
  chapterCount: number;
  quoteCount: number;
  documentCount: number;
  /** the date of the newest document that quotes it */
  latestOn: string | null;
}

/** Every taxonomy topic with how many chapters are about it and how many segments quote it. */
export function listTopics({ ladderDb = getServerDb() }: { ladderDb?: LadderDb } = {}): TopicSummary[] {
  return ladderDb.sqlite
    .prepare(
      `select t.slug, t.name, t.description,
         (select count(*) from chapter_topics ct where ct.topic_id = t.id) as chapterCount,
         (select count(*) from segment_topics st where st.topic_id = t.id) as quoteCount,
         (select count(distinct s.document_id) from segment_topics st join segments s on s.id = st.segment_id
           where st.topic_id = t.id) as documentCount,
         (select max(d.published_on) from segment_topics st join segments s on s.id = st.segment_id join documents d on d.id = s.document_id
           where st.topic_id = t.id) as latestOn
       from topics t order by quoteCount desc, t.name`,
    )
    .all() as TopicSummary[];
}

/** slug → name, for labelling topic slugs carried by chapters and segments. */
export function getTopicNames({ ladderDb = getServerDb() }: { ladderDb?: LadderDb } = {}): Map<string, string> {
  const rows = ladderDb.db.select({ slug: topics.slug, name: topics.name }).from(topics).all();
  return new Map(rows.map((r) => [r.slug, r.name]));
}

export interface DocumentRef {
  slug: string;
  title: string;
  kind: string;
}

export interface TopicChapter {
  title: string;
  anchor: string;
  startSeconds: number | null;
  estimated: boolean;
  score: number;
  document: DocumentRef;
  guests: { slug: string; name: string }[];
}

export interface TopicQuote {
  ordinal: number;
  startSeconds: number | null;
  estimated: boolean;
  quote: string;
  speaker: string | null;
  speakerSlug: string | null;
  document: DocumentRef;
}

export interface TopicDetail extends TopicSummary {
  chapters: TopicChapter[];
  quotes: TopicQuote[];
}

interface QuoteRow {
  ordinal: number;
  startSeconds: number | null;
  estimated: number;
  text: string;
  speaker: string | null;
  speakerSlug: string | null;
  docSlug: string;
  docTitle: string;
  docKind: string;
}

/**
 * Best quotes first, but taken in turns from each document so one long
 * interview cannot crowd out a short brief that is squarely on the topic.
 */
function interleaveByDocument<T extends { docSlug: string }>(rows: readonly T[], limit: number): T[] {
  const byDoc = new Map<string, T[]>();
  for (const r of rows) byDoc.set(r.docSlug, [...(byDoc.get(r.docSlug) ?? []), r]);
  const queues = [...byDoc.values()];
  const out: T[] = [];
  while (out.length < limit && queues.some((q) => q.length > 0)) {
    for (const q of queues) {
      const next = q.shift();
      if (next && out.length < limit) out.push(next);
    }
  }
  return out;
}

/** A topic with the chapters about it (best first) and quotable sentences; null for an unknown slug. */
function readGetTopicBySlug({
  slug,
  quoteLimit = 30,
  ladderDb = getServerDb(),
}: {
  slug: string;
  quoteLimit?: number;
  ladderDb?: LadderDb;
}): TopicDetail | null {
  const summary = listTopics({ ladderDb }).find((t) => t.slug === slug);
  if (!summary) return null;
  const { db, sqlite } = ladderDb;
  const topicId = db.select({ id: topics.id }).from(topics).where(eq(topics.slug, slug)).get()!.id;
  const chapterRows = db
    .select({
      title: chapters.title,
      anchor: chapters.anchor,
      startSeconds: chapters.startSeconds,
      estimated: chapters.estimated,
      score: chapterTopics.score,
      documentId: documents.id,
      document: { slug: documents.slug, title: documents.title, kind: documents.kind },
    })
    .from(chapterTopics)
    .innerJoin(chapters, eq(chapters.id, chapterTopics.chapterId))
    .innerJoin(documents, eq(documents.id, chapters.documentId))
    .where(eq(chapterTopics.topicId, topicId))
    .orderBy(desc(chapterTopics.score), desc(documents.publishedOn), asc(chapters.ordinal))
    .all();
  const docIds = [...new Set(chapterRows.map((c) => c.documentId))];
  const guests = docIds.length
    ? db
        .select({ documentId: documentPeople.documentId, slug: people.slug, name: people.name })
        .from(documentPeople)
        .innerJoin(people, eq(people.id, documentPeople.personId))
        .where(and(inArray(documentPeople.documentId, docIds), eq(documentPeople.role, 'guest')))
        .orderBy(asc(people.name))
        .all()
    : [];
  const quoteRows = sqlite
    .prepare(
      `select s.ordinal, s.start_seconds as startSeconds, s.estimated, s.text,
              coalesce(p.name, s.speaker_label) as speaker, p.slug as speakerSlug,
              d.slug as docSlug, d.title as docTitle, d.kind as docKind
       from segment_topics st
       join segments s on s.id = st.segment_id
       join documents d on d.id = s.document_id
       left join people p on p.id = s.speaker_person_id
       where st.topic_id = ?
       order by st.score desc, length(s.text) asc
       limit 400`,
    )
    .all(topicId) as QuoteRow[];
  const matcher = getTopicMatcher({ slug });
  const seen = new Set<string>();
  const quotes: TopicQuote[] = [];
  for (const r of interleaveByDocument(quoteRows, quoteLimit * 2)) {
    const quote = quoteFromText(r.text, matcher);
    if (!quote || seen.has(quote)) continue;
    seen.add(quote);
    quotes.push({
      ordinal: r.ordinal,
      startSeconds: r.startSeconds,
      estimated: r.estimated === 1,
      quote,
      speaker: r.speaker,
      speakerSlug: r.speakerSlug,
      document: { slug: r.docSlug, title: r.docTitle, kind: r.docKind },
    });
    if (quotes.length >= quoteLimit) break;
  }
  return {
    ...summary,
    chapters: chapterRows.map(({ documentId, ...c }) => ({
      ...c,
      guests: guests.filter((g) => g.documentId === documentId).map(({ slug: s, name }) => ({ slug: s, name })),
    })),
    quotes,
  };
}

/** Runs in one read transaction so an import committing meanwhile cannot mix two versions. */
export function getTopicBySlug(args: { slug: string; quoteLimit?: number; ladderDb?: LadderDb }): TopicDetail | null {
  const ladderDb = args.ladderDb ?? getServerDb();
  return readSnapshot(ladderDb, () => readGetTopicBySlug({ ...args, ladderDb }));
}
