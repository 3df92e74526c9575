import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { orderQuotes, strongestOfEachStory, type QuoteCandidate, type QuoteSort } from '@/lib/topics/pick-quotes';
import { topicQuote } from '@/lib/topics/quote';
import type { TimeMark } from '@/lib/ingest/types';
import { getServerDb, readSnapshot, type LadderDb } from '../client';
import { chapterTopics, chapters, documentPeople, documents, people, topics } from '../schema';
import { getTaxonomy } from './taxonomy';

export interface TopicSummary {
  slug: string;
  name: string;
  description: string;
  chapterCount: number;
  quoteCount: number;
  documentCount: number;
}

/** Every taxonomy topic with how many chapters are about it, how many passages are on it, and how many documents really are. */
export function listTopics({ ladderDb = getServerDb() }: { ladderDb?: LadderDb } = {}): TopicSummary[] {
  return ladderDb.sqlite
    .prepare(
      `select t.slug, t.name, t.description,
         (select count(*) from chapter_topics ct where ct.topic_id = t.id) as chapterCount,
         (select count(*) from segment_topics st where st.topic_id = t.id) as quoteCount,
         (select count(*) from document_topics dt where dt.topic_id = t.id) as documentCount
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
  /** 'guest' or 'host' when the importer knows who spoke */
  role: 'host' | 'guest' | null;
  score: number;
  document: DocumentRef & { publishedOn: string | null };
}

export interface TopicDetail extends TopicSummary {
  chapters: TopicChapter[];
  quotes: TopicQuote[];
  sort: QuoteSort;
}

interface QuoteRow extends QuoteCandidate {
  startSeconds: number | null;
  estimated: number;
  marks: string | null;
  text: string;
  speaker: string | null;
  speakerSlug: string | null;
  docSlug: string;
  docTitle: string;
  docKind: string;
}

/** The second a quote starts at: the last time mark at or before it inside the turn, else the turn's start. */
function secondsAt(row: QuoteRow, offset: number): { seconds: number | null; estimated: boolean } {
  let best: TimeMark | null = null;
  if (row.marks) {
    for (const m of JSON.parse(row.marks) as TimeMark[]) if (m[0] <= offset) best = m;
  }
  if (best) return { seconds: Math.floor(best[1]), estimated: best[2] === 0 };
  return { seconds: row.startSeconds, estimated: row.estimated === 1 };
}

/** A topic with the chapters about it (best first) and its quotes in page order; null for an unknown slug. */
function readGetTopicBySlug({
  slug,
  sort = 'score',
  quoteLimit = 30,
  ladderDb = getServerDb(),
}: {
  slug: string;
  sort?: QuoteSort;
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
  // only speech is ever a quote: breaks, ad reads and sound labels are not, whatever they were tagged
  const rows = sqlite
    .prepare(
      `select s.document_id as documentId, s.ordinal, s.chapter_id as chapterId, st.score,
              coalesce((select ds.role from document_speakers ds where ds.document_id = s.document_id and ds.label = s.speaker_label),
                       (select dp.role from document_people dp where dp.document_id = s.document_id and dp.person_id = s.speaker_person_id
                        order by dp.role = 'guest' desc limit 1)) as role,
              d.published_on as publishedOn, s.start_seconds as startSeconds, s.estimated, s.marks, s.text,
              coalesce(p.name, s.speaker_label) as speaker, p.slug as speakerSlug,
              d.slug as docSlug, d.title as docTitle, d.kind as docKind
       from segment_topics st
       join segments s on s.id = st.segment_id
       join documents d on d.id = s.document_id
       left join people p on p.id = s.speaker_person_id
       where st.topic_id = ? and s.kind = 'speech'`,
    )
    .all(topicId) as (QuoteRow & { role: string | null })[];
  const candidates = rows.map((r) => ({ ...r, role: r.role === 'guest' || r.role === 'host' ? r.role : null }));
  const taxonomy = getTaxonomy();
  const seen = new Set<string>();
  const quotes: TopicQuote[] = [];
  for (const r of orderQuotes(strongestOfEachStory(candidates), sort)) {
    const { text, start } = topicQuote(r.text, taxonomy, slug);
    const key = text.toLowerCase();
    if (!text || seen.has(key)) continue;
    seen.add(key);
    const at = secondsAt(r, start);
    quotes.push({
      ordinal: r.ordinal,
      startSeconds: at.seconds,
      estimated: at.estimated,
      quote: text,
      speaker: r.speaker,
      speakerSlug: r.speakerSlug,
      role: r.role,
      score: r.score,
      document: { slug: r.docSlug, title: r.docTitle, kind: r.docKind, publishedOn: r.publishedOn },
    });
    if (quotes.length >= quoteLimit) break;
  }
  return {
    ...summary,
    sort,
    chapters: chapterRows.map(({ documentId, ...c }) => ({
      ...c,
      guests: guests.filter((g) => g.documentId === documentId).map(({ slug: s, name }) => ({ slug: s, name })),
    })),
    quotes,
  };
}

/** Runs in one read transaction so an import committing meanwhile cannot mix two versions. */
export function getTopicBySlug(args: { slug: string; sort?: QuoteSort; quoteLimit?: number; ladderDb?: LadderDb }): TopicDetail | null {
  const ladderDb = args.ladderDb ?? getServerDb();
  return readSnapshot(ladderDb, () => readGetTopicBySlug({ ...args, ladderDb }));
}
