import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { topicQuote } from '@/lib/topics/quote';
import { getServerDb, readSnapshot, type LadderDb } from '../client';
import { chapters, people } from '../schema';
import { getTaxonomy } from './taxonomy';

export interface PersonSummary {
  slug: string;
  name: string;
  biggestRole: string | null;
  currentCompany: string | null;
  companySize: string | null;
  careerStartYear: number | null;
  guestCount: number;
  hostCount: number;
}

const summarySql = `select p.slug, p.name, p.biggest_role as biggestRole, p.current_company as currentCompany,
    p.company_size as companySize, p.career_start_year as careerStartYear,
    (select count(*) from document_people dp where dp.person_id = p.id and dp.role = 'guest') as guestCount,
    (select count(*) from document_people dp where dp.person_id = p.id and dp.role = 'host') as hostCount
  from people p`;

/** Everyone who appears in a document: guests first, then hosts, by name. */
export function listPeople({ ladderDb = getServerDb() }: { ladderDb?: LadderDb } = {}): PersonSummary[] {
  return ladderDb.sqlite.prepare(`${summarySql} order by guestCount = 0, p.name`).all() as PersonSummary[];
}

export interface Appearance {
  role: 'host' | 'guest';
  document: { slug: string; title: string; kind: string; publishedOn: string | null; durationSeconds: number | null; showName: string | null };
  chapters: { title: string; anchor: string; startSeconds: number | null; estimated: boolean }[];
}

export interface PersonQuote {
  ordinal: number;
  startSeconds: number | null;
  estimated: boolean;
  quote: string;
  /** false when the transcript names no speakers and the quote comes from an interview they were the guest of */
  attributed: boolean;
  document: { slug: string; title: string };
}

export interface PersonDetail extends PersonSummary {
  appearances: Appearance[];
  quotesByTopic: { topic: { slug: string; name: string }; quotes: PersonQuote[] }[];
}

interface QuoteRow {
  topicSlug: string;
  topicName: string;
  ordinal: number;
  startSeconds: number | null;
  estimated: number;
  text: string;
  attributed: number;
  docSlug: string;
  docTitle: string;
}

/**
 * A person's most quotable segments by topic: their own turns, best tagged
 * first; for transcripts that name no speaker at all (auto-captions), the
 * segments of interviews they were the guest of, flagged as unattributed.
 */
function quotesByTopic(ladderDb: LadderDb, personId: number, perTopic: number): PersonDetail['quotesByTopic'] {
  const rows = ladderDb.sqlite
    .prepare(
      `select t.slug as topicSlug, t.name as topicName, s.ordinal, s.start_seconds as startSeconds, s.estimated,
              s.text, (s.speaker_person_id is not null) as attributed, d.slug as docSlug, d.title as docTitle
       from segments s
       join segment_topics st on st.segment_id = s.id
       join topics t on t.id = st.topic_id
       join documents d on d.id = s.document_id
       where s.speaker_person_id = @pid
          or (s.speaker_person_id is null and s.speaker_label is null
              and exists (select 1 from document_people dp where dp.document_id = d.id and dp.person_id = @pid and dp.role = 'guest')
              and not exists (select 1 from segments s2 where s2.document_id = d.id and s2.speaker_person_id is not null))
       order by st.score desc, length(s.text) asc`,
    )
    .all({ pid: personId }) as QuoteRow[];
  const groups = new Map<string, PersonDetail['quotesByTopic'][number]>();
  for (const r of rows) {
    const group = groups.get(r.topicSlug) ?? { topic: { slug: r.topicSlug, name: r.topicName }, quotes: [] };
    groups.set(r.topicSlug, group);
    if (group.quotes.length >= perTopic) continue;
    const quote = topicQuote(r.text, getTaxonomy(), r.topicSlug).text;
    if (!quote || group.quotes.some((q) => q.quote === quote)) continue;
    group.quotes.push({
      ordinal: r.ordinal,
      startSeconds: r.startSeconds,
      estimated: r.estimated === 1,
      quote,
      attributed: r.attributed === 1,
      document: { slug: r.docSlug, title: r.docTitle },
    });
  }
  return [...groups.values()];
}

/** A person's career facts, every document they appear in with its chapters, and their quotes by topic. */
function readGetPersonBySlug({
  slug,
  quotesPerTopic = 3,
  ladderDb = getServerDb(),
}: {
  slug: string;
  quotesPerTopic?: number;
  ladderDb?: LadderDb;
}): PersonDetail | null {
  const { sqlite, db } = ladderDb;
  const summary = sqlite.prepare(`${summarySql} where p.slug = ?`).get(slug) as PersonSummary | undefined;
  if (!summary) return null;
  const personId = db.select({ id: people.id }).from(people).where(eq(people.slug, slug)).get()!.id;
  const docs = sqlite
    .prepare(
      `select dp.role, d.id, d.slug, d.title, d.kind, d.published_on as publishedOn, d.duration_seconds as durationSeconds,
              sh.name as showName
       from document_people dp join documents d on d.id = dp.document_id left join shows sh on sh.id = d.show_id
       where dp.person_id = ? order by d.published_on is null, d.published_on desc, d.title`,
    )
    .all(personId) as ({ role: 'host' | 'guest'; id: number } & Appearance['document'])[];
  const appearances = docs.map(({ role, id, ...document }) => ({
    role,
    document,
    chapters: db
      .select({ title: chapters.title, anchor: chapters.anchor, startSeconds: chapters.startSeconds, estimated: chapters.estimated })
      .from(chapters)
      .where(eq(chapters.documentId, id))
      .orderBy(asc(chapters.ordinal))
      .all(),
  }));
  return { ...summary, appearances, quotesByTopic: quotesByTopic(ladderDb, personId, quotesPerTopic) };
}

/** Runs in one read transaction so an import committing meanwhile cannot mix two versions. */
export function getPersonBySlug(args: { slug: string; quotesPerTopic?: number; ladderDb?: LadderDb }): PersonDetail | null {
  const ladderDb = args.ladderDb ?? getServerDb();
  return readSnapshot(ladderDb, () => readGetPersonBySlug({ ...args, ladderDb }));
}
