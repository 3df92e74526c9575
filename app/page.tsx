import Link from 'next/link';
import { DocumentCard } from '@/components/documents/document-card';
import { EmptyLibrary } from '@/components/layout/empty-library';
import { PersonCard } from '@/components/people/person-card';
import { SearchField } from '@/components/search/search-field';
import { TopicCard } from '@/components/topics/topic-card';
import { Section } from '@/components/ui/page-heading';
import { getArchiveCounts } from '@/db/queries/archive';
import { listDocuments } from '@/db/queries/documents';
import { listPeople } from '@/db/queries/people';
import { listTopics } from '@/db/queries/topics';

const EXAMPLES = ['promo', 'PIP', '"staff promo"', 'tokenmaxxing', 'calibration', 'leaving Meta'];

export default function HomePage() {
  const counts = getArchiveCounts();
  const docs = counts.documents > 0 ? listDocuments({ limit: 12 }) : [];
  const topics = listTopics().filter((t) => counts.documents === 0 || t.documentCount > 0);
  const guests = listPeople().filter((p) => p.guestCount > 0);
  return (
    <>
      <section aria-labelledby="hero-heading" className="mx-auto max-w-3xl pb-4 pt-2 text-center sm:pt-6">
        <h1 id="hero-heading" className="text-balance text-3xl font-semibold tracking-tight sm:text-5xl">
          Find the moment an engineer said it
        </h1>
        <p className="mx-auto mt-4 max-w-[60ch] text-lg text-zinc-700 dark:text-zinc-300">
          {counts.documents > 0
            ? `${counts.documents} career stories — interviews, briefs and articles, ${counts.segments.toLocaleString('en')} passages — searchable by topic and linked to the second.`
            : 'Career stories from software engineers — interviews, briefs and articles — searchable by topic and linked to the second.'}
        </p>
        <div className="mt-6 text-left">
          <SearchField id="hero-search" size="hero" />
        </div>
        <p className="mt-3 flex flex-wrap items-center justify-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          <span>Try</span>
          {EXAMPLES.map((q) => (
            <Link key={q} href={`/search?q=${encodeURIComponent(q)}`} className="rounded-full border border-zinc-300 px-2.5 py-0.5 text-zinc-800 hover:border-indigo-400 hover:text-indigo-800 dark:border-zinc-700 dark:text-zinc-200 dark:hover:border-indigo-500 dark:hover:text-indigo-200">
              {q}
            </Link>
          ))}
        </p>
      </section>

      {counts.documents === 0 && (
        <div className="mt-10">
          <EmptyLibrary />
        </div>
      )}

      {topics.length > 0 && (
        <Section id="topics" title="Topics" aside={<Link href="/topics" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">All topics →</Link>}>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
            {topics.map((t) => (
              <TopicCard key={t.slug} topic={t} />
            ))}
          </div>
        </Section>
      )}

      {docs.length > 0 && (
        <Section
          id="latest"
          title="Latest"
          aside={<Link href="/episodes" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">All {counts.documents} documents →</Link>}
        >
          <div className="grid gap-3 md:grid-cols-2">
            {docs.map((d) => (
              <DocumentCard key={d.slug} doc={d} />
            ))}
          </div>
        </Section>
      )}

      {guests.length > 0 && (
        <Section id="guests" title="Guests" aside={<Link href="/guests" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">Everyone →</Link>}>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {guests.slice(0, 9).map((p) => (
              <PersonCard key={p.slug} person={p} />
            ))}
          </div>
        </Section>
      )}
    </>
  );
}
