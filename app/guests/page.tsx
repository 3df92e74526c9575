import type { Metadata } from 'next';
import { PersonCard } from '@/components/people/person-card';
import { PageHeading, Section } from '@/components/ui/page-heading';
import { listPeople } from '@/db/queries/people';

export const metadata: Metadata = {
  title: 'Guests',
  description: 'The engineers and managers telling their career stories on Ladder: biggest roles, where they are now, and what they said.',
  alternates: { canonical: '/guests' },
  openGraph: { title: 'Guests · Ladder', url: '/guests' },
};

export default function GuestsPage() {
  const people = listPeople();
  const guests = people.filter((p) => p.guestCount > 0);
  const hosts = people.filter((p) => p.guestCount === 0);
  return (
    <>
      <PageHeading title="Guests" lead="Who tells their story here: biggest role, where they are now, and everything they said, by topic." />
      {people.length === 0 && <p className="text-zinc-700 dark:text-zinc-300">No one yet: import some documents first.</p>}
      {guests.length > 0 && (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {guests.map((p) => (
            <PersonCard key={p.slug} person={p} />
          ))}
        </div>
      )}
      {hosts.length > 0 && (
        <Section id="hosts" title="Hosts">
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {hosts.map((p) => (
              <PersonCard key={p.slug} person={p} />
            ))}
          </div>
        </Section>
      )}
    </>
  );
}
