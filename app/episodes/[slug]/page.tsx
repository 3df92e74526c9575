import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { EpisodeMoments } from '@/components/careers/episode-moments';
import { ChapterList } from '@/components/episode/chapter-list';
import { EpisodeHeader } from '@/components/episode/episode-header';
import { MomentController } from '@/components/episode/moment-controller';
import { EpisodePlayer } from '@/components/episode/player';
import { TalkTime } from '@/components/episode/talk-time';
import { TopicTimeline } from '@/components/episode/topic-timeline';
import { Transcript } from '@/components/episode/transcript';
import { getDocumentBySlug } from '@/db/queries/documents';
import { getTopicNames } from '@/db/queries/topics';
import { pickSegmentAt } from '@/lib/episode/segment-at';
import { parseTimeParam } from '@/lib/episode/time';
import { episodePath } from '@/lib/episode/urls';
import { firstParam } from '@/lib/list/paging';

// metadata and page ask for the same document within one request
const loadDocument = cache((slug: string) => getDocumentBySlug({ slug }));

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function describe(doc: NonNullable<ReturnType<typeof getDocumentBySlug>>): string {
  const guests = doc.people.filter((p) => p.role === 'guest').map((p) => p.name);
  const text = doc.description ?? doc.segments[0]?.text ?? '';
  const lead = guests.length > 0 ? `${guests.join(', ')} on ${doc.show?.name ?? 'Ladder'}. ` : '';
  const full = `${lead}${text}`.replace(/\s+/g, ' ').trim();
  return full.length > 200 ? `${full.slice(0, 197).replace(/\s\S*$/, '')}…` : full;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const doc = loadDocument(slug);
  if (!doc) return { title: 'Not found' };
  const description = describe(doc);
  return {
    title: doc.title,
    description,
    alternates: { canonical: episodePath(doc.slug) },
    openGraph: {
      type: doc.kind === 'episode' ? 'video.episode' : 'article',
      title: doc.title,
      description,
      url: episodePath(doc.slug),
      ...(doc.publishedOn && doc.kind !== 'episode' ? { publishedTime: doc.publishedOn } : {}),
    },
  };
}

export default async function EpisodePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const doc = loadDocument(slug);
  if (!doc) notFound();
  const t = parseTimeParam(query.t);
  // the server picks the moment, so the highlighted sentence is right even before (or without) JavaScript
  const picked = t === null ? null : pickSegmentAt(doc.segments, t);
  const target = picked && t !== null ? { ordinal: picked.ordinal, t, chapterId: picked.chapterId } : null;
  // ?part=N: which part of a long untimed text to send (the placeholders' links without JavaScript)
  const partParam = firstParam(query.part);
  const part = partParam && /^\d{1,5}$/.test(partParam) ? Number(partParam) : null;
  const topicNames = getTopicNames();
  const hasGlance = doc.segments.some((s) => s.topics.length > 0) || doc.segments.some((s) => s.speaker !== null);
  return (
    <article>
      <EpisodeHeader doc={doc} />
      <EpisodePlayer mediaUrl={doc.mediaUrl} title={doc.title} />
      {doc.chapters.length === 0 && <EpisodeMoments slug={doc.slug} />}
      {hasGlance && (
        <section aria-label="At a glance" className="mb-10 grid grid-cols-[minmax(0,1fr)] gap-8 rounded-xl border border-zinc-200 p-4 sm:p-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] dark:border-zinc-800">
          <TopicTimeline doc={doc} topicNames={topicNames} />
          <TalkTime doc={doc} />
        </section>
      )}
      <div className={doc.chapters.length > 0 ? 'grid grid-cols-[minmax(0,1fr)] gap-10 lg:grid-cols-[minmax(0,1fr)_19rem]' : ''}>
        {doc.chapters.length > 0 && (
          <div className="lg:order-last">
            <ChapterList doc={doc} currentChapterId={target?.chapterId ?? null} topicNames={topicNames} />
            <EpisodeMoments slug={doc.slug} />
          </div>
        )}
        <Transcript doc={doc} target={target} part={part} />
      </div>
      <MomentController target={target} />
    </article>
  );
}
