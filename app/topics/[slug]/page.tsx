import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { QuoteCard } from '@/components/topics/quote-card';
import { parseQuoteSort, QuoteSortToggle } from '@/components/topics/quote-sort-toggle';
import { KindBadge } from '@/components/ui/badge';
import { PageHeading, Section } from '@/components/ui/page-heading';
import { TimeLink } from '@/components/ui/time-link';
import { getTopicBySlug } from '@/db/queries/topics';
import { chapterPath } from '@/lib/episode/urls';

const loadTopic = cache((slug: string, sort: 'score' | 'newest' = 'score') => getTopicBySlug({ slug, sort }));

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = loadTopic((await params).slug);
  if (!topic) return { title: 'Not found' };
  const description = `${topic.description} ${topic.documentCount} documents on it, ${topic.chapterCount} chapters, each quote linked to its moment.`;
  return {
    title: topic.name,
    description,
    alternates: { canonical: `/topics/${topic.slug}` },
    openGraph: { title: `${topic.name} · Ladder`, description, url: `/topics/${topic.slug}` },
  };
}

export default async function TopicPage({ params, searchParams }: Props) {
  const topic = loadTopic((await params).slug, parseQuoteSort((await searchParams).sort));
  if (!topic) notFound();
  return (
    <>
      <PageHeading
        eyebrow={<Link href="/topics" className="hover:underline">Topics</Link>}
        title={topic.name}
        lead={topic.description}
      >
        <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
          {topic.documentCount} {topic.documentCount === 1 ? 'document' : 'documents'} on it · {topic.chapterCount}{' '}
          {topic.chapterCount === 1 ? 'chapter' : 'chapters'} · {topic.quoteCount} passages ·{' '}
          <Link href={`/search?topic=${topic.slug}&q=${encodeURIComponent(topic.name)}`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
            Search within {topic.name}
          </Link>
        </p>
      </PageHeading>

      <Section id="chapters" title="Chapters about it" className="mt-0">
        {topic.chapters.length === 0 ? (
          <p className="text-zinc-700 dark:text-zinc-300">No chapter is mainly about {topic.name.toLowerCase()} yet; see the quotes below.</p>
        ) : (
          <ol className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {topic.chapters.map((c) => (
              <li key={`${c.document.slug}#${c.anchor}`} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3">
                <span className="w-14 shrink-0 text-sm sm:w-20">
                  {c.startSeconds !== null ? <TimeLink href={chapterPath(c.document.slug, c)} seconds={c.startSeconds} estimated={c.estimated} /> : null}
                </span>
                <span className="min-w-0 flex-1">
                  <Link href={chapterPath(c.document.slug, c)} className="font-semibold hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
                    {c.title}
                  </Link>
                  <span className="mt-0.5 flex flex-wrap items-center gap-x-2 text-sm text-zinc-600 dark:text-zinc-400">
                    <KindBadge kind={c.document.kind} />
                    <span>{c.document.title}</span>
                    {c.guests.length > 0 && <span>with {c.guests.map((g) => g.name).join(', ')}</span>}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="quotes" title="What people say" aside={<QuoteSortToggle slug={topic.slug} sort={topic.sort} />}>
        {topic.quotes.length === 0 ? (
          <p className="text-zinc-700 dark:text-zinc-300">No passage is tagged with this topic yet.</p>
        ) : (
          <ul className="grid gap-3 lg:grid-cols-2">
            {topic.quotes.map((q) => (
              <li key={`${q.document.slug}-${q.ordinal}`}>
                <QuoteCard q={q} note={q.role === 'host' ? 'host' : undefined} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
