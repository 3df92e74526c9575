import type { Metadata } from 'next';
import { TopicCard } from '@/components/topics/topic-card';
import { ListControls } from '@/components/ui/list-controls';
import { PageHeading } from '@/components/ui/page-heading';
import { Pagination } from '@/components/ui/pagination';
import { listTopics } from '@/db/queries/topics';
import { firstParam, pageWindow, parsePage, parseSort, type SearchParamsRecord } from '@/lib/list/paging';
import { filterTopics, TOPIC_SORTS, type TopicSort } from '@/lib/list/topics';

export const metadata: Metadata = {
  title: 'Topics',
  description: 'Promotions, PIPs, performance reviews, manager vs IC, layoffs, leaving big tech, tokenmaxxing: the chapters and quotes about each.',
  alternates: { canonical: '/topics' },
  openGraph: { title: 'Topics · Ladder', url: '/topics' },
};

type Props = { searchParams: Promise<SearchParamsRecord> };

const SORTS: { value: TopicSort; label: string }[] = [
  { value: 'quotes', label: 'Most quotes' },
  { value: 'newest', label: 'Newest' },
  { value: 'name', label: 'A–Z' },
];

export default async function TopicsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const text = firstParam(sp.q)?.slice(0, 200);
  const sort = parseSort(sp.sort, TOPIC_SORTS, 'quotes');
  const all = listTopics();
  const hits = filterTopics(all, { text, sort });
  const win = pageWindow(hits.length, parsePage(sp.page));
  const topics = hits.slice(win.offset, win.offset + win.limit);
  const current: Record<string, string | undefined> = { q: text, sort: sort === 'quotes' ? undefined : sort, page: win.page > 1 ? String(win.page) : undefined };
  return (
    <>
      <PageHeading title="Topics" lead="The career questions engineers ask most, with every chapter about each and the sentences where people say it." />
      {all.length === 0 ? (
        <p className="text-zinc-700 dark:text-zinc-300">No topics yet: they come from content/topics.yaml when you import.</p>
      ) : (
        <>
          <ListControls path="/topics" current={current} label="Filter topics" placeholder="Filter topics…" sorts={SORTS} sort={sort} defaultSort="quotes" />
          {hits.length === 0 && <p className="text-zinc-700 dark:text-zinc-300">No topic matches “{text}”.</p>}
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-list="topics">
            {topics.map((t) => (
              <li key={t.slug} className="grid">
                <TopicCard topic={t} />
              </li>
            ))}
          </ul>
          <Pagination path="/topics" current={current} page={win.page} pageCount={win.pageCount} label="Topic pages" />
        </>
      )}
    </>
  );
}
