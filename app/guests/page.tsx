import type { Metadata } from 'next';
import { PersonCard } from '@/components/people/person-card';
import { ListControls } from '@/components/ui/list-controls';
import { PageHeading, Section } from '@/components/ui/page-heading';
import { Pagination } from '@/components/ui/pagination';
import { listPeoplePage, PEOPLE_SORTS, type PeopleSort } from '@/db/queries/people';
import { firstParam, pageWindow, parsePage, parseSort, PAGE_SIZE, type SearchParamsRecord } from '@/lib/list/paging';

export const metadata: Metadata = {
  title: 'Guests',
  description: 'The engineers and managers telling their career stories on Ladder: biggest roles, where they are now, and what they said.',
  alternates: { canonical: '/guests' },
  openGraph: { title: 'Guests · Ladder', url: '/guests' },
};

type Props = { searchParams: Promise<SearchParamsRecord> };

const SORTS: { value: PeopleSort; label: string }[] = [
  { value: 'episodes', label: 'Most episodes' },
  { value: 'newest', label: 'Newest' },
  { value: 'name', label: 'A–Z' },
];

export default async function GuestsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const text = firstParam(sp.q)?.slice(0, 200);
  const sort = parseSort(sp.sort, PEOPLE_SORTS, 'episodes');
  const asked = parsePage(sp.page);
  // the count comes with the page; a page past the end is asked again as the last one
  const firstTry = listPeoplePage({ role: 'guest', text, sort, limit: PAGE_SIZE, offset: (asked - 1) * PAGE_SIZE });
  const total = firstTry.total;
  const win = pageWindow(total, asked);
  const people = win.page === asked ? firstTry.people : listPeoplePage({ role: 'guest', text, sort, limit: win.limit, offset: win.offset }).people;
  // hosts are few: all of them, under the first page of guests
  const hosts = win.page === 1 ? listPeoplePage({ role: 'host', text, sort, limit: 100 }) : null;
  const current: Record<string, string | undefined> = { q: text, sort: sort === 'episodes' ? undefined : sort, page: win.page > 1 ? String(win.page) : undefined };
  const nobody = total === 0 && (hosts?.total ?? 0) === 0;
  return (
    <>
      <PageHeading title="Guests" lead="Who tells their story here: biggest role, where they are now, and everything they said, by topic." />
      <ListControls path="/guests" current={current} label="Filter by name, role or company" placeholder="Filter by name, role or company…" sorts={SORTS} sort={sort} defaultSort="episodes" />
      {nobody && <p className="text-zinc-700 dark:text-zinc-300">{text ? `No one matches “${text}”.` : 'No one yet: import some documents first.'}</p>}
      {total > 0 && (
        <section aria-labelledby="guests-heading">
          <h2 id="guests-heading" className="mb-3 text-lg font-semibold" aria-live="polite">
            {total} {total === 1 ? 'guest' : 'guests'}
            {win.pageCount > 1 && (
              <span className="font-normal text-zinc-600 dark:text-zinc-400">
                {' '}
                · {win.offset + 1}–{win.offset + people.length}
              </span>
            )}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-list="guests">
            {people.map((p) => (
              <li key={p.slug} className="grid">
                <PersonCard person={p} />
              </li>
            ))}
          </ul>
          <Pagination path="/guests" current={current} page={win.page} pageCount={win.pageCount} label="Guest pages" />
        </section>
      )}
      {hosts && hosts.total > 0 && (
        <Section id="hosts" title="Hosts">
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {hosts.people.map((p) => (
              <li key={p.slug} className="grid">
                <PersonCard person={p} />
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
