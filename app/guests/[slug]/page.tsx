import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { CareerTimeline } from '@/components/careers/career-timeline';
import { Appearances } from '@/components/people/appearances';
import { CareerFacts } from '@/components/people/career-facts';
import { QuoteCard } from '@/components/topics/quote-card';
import { PageHeading, Section } from '@/components/ui/page-heading';
import { getPersonBySlug } from '@/db/queries/people';

const loadPerson = cache((slug: string) => getPersonBySlug({ slug }));

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const person = loadPerson((await params).slug);
  if (!person) return { title: 'Not found' };
  const role = [person.biggestRole, person.currentCompany ? `now at ${person.currentCompany}` : null].filter(Boolean).join(', ');
  const description = `${person.name}${role ? ` (${role})` : ''}: ${person.appearances.length} ${person.appearances.length === 1 ? 'appearance' : 'appearances'} on Ladder, with their quotes by topic.`;
  return {
    title: person.name,
    description,
    alternates: { canonical: `/guests/${person.slug}` },
    openGraph: { type: 'profile', title: `${person.name} · Ladder`, description, url: `/guests/${person.slug}` },
  };
}

export default async function GuestPage({ params }: Props) {
  const person = loadPerson((await params).slug);
  if (!person) notFound();
  return (
    <>
      <PageHeading eyebrow={<Link href="/guests" className="hover:underline">Guests</Link>} title={person.name}>
        <CareerFacts person={person} />
      </PageHeading>

      <Section id="appearances" title="Appears in" className="mt-0">
        <Appearances appearances={person.appearances} />
      </Section>

      <CareerTimeline slug={person.slug} />

      {person.quotesByTopic.length > 0 && (
        <Section id="quotes" title="Most quotable, by topic">
          {person.quotesByTopic.some((g) => g.quotes.some((q) => !q.attributed)) && (
            <p className="-mt-2 mb-5 max-w-[68ch] text-sm text-zinc-600 dark:text-zinc-400">
              Some transcripts do not say who is speaking; quotes from those come from interviews {person.name} was the guest of, and may be the host&rsquo;s words.
            </p>
          )}
          <div className="space-y-8">
            {person.quotesByTopic.map((g) => (
              <section key={g.topic.slug} aria-labelledby={`q-${g.topic.slug}`}>
                <h3 id={`q-${g.topic.slug}`} className="mb-3 font-semibold">
                  <Link href={`/topics/${g.topic.slug}`} className="hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
                    {g.topic.name}
                  </Link>
                </h3>
                <ul className="grid gap-3 lg:grid-cols-2">
                  {g.quotes.map((q) => (
                    <li key={`${q.document.slug}-${q.ordinal}`}>
                      <QuoteCard
                        q={{ ...q, speaker: null, speakerSlug: null }}
                        showDocument={person.appearances.length > 1}
                      />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </Section>
      )}
    </>
  );
}
