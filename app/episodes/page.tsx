import type { Metadata } from 'next';
import Link from 'next/link';
import { DocumentCard } from '@/components/documents/document-card';
import { EmptyLibrary } from '@/components/layout/empty-library';
import { FacetLinks } from '@/components/ui/facet-links';
import { FilterPanel } from '@/components/ui/filter-panel';
import { ListControls } from '@/components/ui/list-controls';
import { PageHeading } from '@/components/ui/page-heading';
import { Pagination } from '@/components/ui/pagination';
import { getDocumentFacets } from '@/db/queries/archive';
import { countDocuments, DOCUMENT_SORTS, listDocuments, type DocumentFilters, type DocumentSort } from '@/db/queries/document-list';
import { firstParam, pageWindow, parsePage, parseSort, type SearchParamsRecord } from '@/lib/list/paging';

export const metadata: Metadata = {
  title: 'Library',
  description: 'Every career story in Ladder — podcast episodes, YouTube interviews, insight briefs and articles — by kind, show, guest and topic.',
  alternates: { canonical: '/episodes' },
  openGraph: { title: 'Library · Ladder', url: '/episodes' },
};

type Props = { searchParams: Promise<SearchParamsRecord> };

const KEYS = ['kind', 'show', 'guest', 'topic'] as const;
const SORTS: { value: DocumentSort; label: string }[] = [
  { value: 'newest', label: 'Newest' },
  { value: 'quotes', label: 'Most quotes' },
  { value: 'title', label: 'A–Z' },
];
const FACET_LIMIT = 8;

export default async function DocumentsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const filters: Partial<Record<(typeof KEYS)[number], string>> = Object.fromEntries(KEYS.map((k) => [k, firstParam(sp[k])]).filter(([, v]) => v));
  const text = firstParam(sp.q)?.slice(0, 200);
  const sort = parseSort(sp.sort, DOCUMENT_SORTS, 'newest');
  const match = { guest: firstParam(sp.guestq)?.slice(0, 100), show: firstParam(sp.showq)?.slice(0, 100) };
  const facets = getDocumentFacets({ limit: FACET_LIMIT, match, active: { guest: filters.guest, show: filters.show } });
  const total = facets.kind.reduce((n, k) => n + k.count, 0);
  if (total === 0) {
    return (
      <>
        <PageHeading title="Library" />
        <EmptyLibrary />
      </>
    );
  }
  const listFilters: DocumentFilters = { ...filters, ...(text ? { text } : {}) };
  const matching = countDocuments({ filters: listFilters });
  const win = pageWindow(matching, parsePage(sp.page));
  const docs = listDocuments({ filters: listFilters, sort, limit: win.limit, offset: win.offset });
  const current: Record<string, string | undefined> = {
    ...filters,
    q: text,
    sort: sort === 'newest' ? undefined : sort,
    guestq: match.guest,
    showq: match.show,
    page: win.page > 1 ? String(win.page) : undefined,
  };
  const filtered = Object.keys(listFilters).length > 0;
  const showName = filters.show ? facets.show.find((s) => s.value === filters.show)?.label : undefined;
  return (
    <>
      <PageHeading
        title={showName ?? 'Library'}
        eyebrow={showName ? <Link href="/episodes" className="hover:underline">Library</Link> : undefined}
        lead={showName ? `Every episode of ${showName} in Ladder.` : 'Every episode, brief and article. Narrow it down by kind, show, guest or topic, or type a few words of a title or a name.'}
      />
      <div className="grid gap-8 lg:grid-cols-[15rem_minmax(0,1fr)]">
        <FilterPanel
          activeCount={Object.keys(filters).length}
          render={(idPrefix) => (
            <>
              <FacetLinks title="Kind" param="kind" options={facets.kind} active={filters.kind} path="/episodes" current={current} idPrefix={idPrefix} />
              <FacetLinks title="Show" param="show" options={facets.show} active={filters.show} path="/episodes" current={current} idPrefix={idPrefix} limit={FACET_LIMIT} search={{ param: 'showq', value: match.show, total: facets.totals.show, noun: 'show' }} />
              <FacetLinks title="Guest" param="guest" options={facets.guest} active={filters.guest} path="/episodes" current={current} idPrefix={idPrefix} limit={FACET_LIMIT} search={{ param: 'guestq', value: match.guest, total: facets.totals.guest, noun: 'guest' }} />
              <FacetLinks title="Topic" param="topic" options={facets.topic} active={filters.topic} path="/episodes" current={current} idPrefix={idPrefix} />
            </>
          )}
        />
        <section aria-labelledby="results-heading" className="min-w-0">
          <ListControls path="/episodes" current={current} label="Filter by title, show or name" placeholder="Filter by title, show or name…" sorts={SORTS} sort={sort} defaultSort="newest" />
          <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
              {matching} {matching === 1 ? 'document' : 'documents'}
              {filtered && <span className="font-normal text-zinc-600 dark:text-zinc-400"> of {total}</span>}
              {win.pageCount > 1 && (
                <span className="font-normal text-zinc-600 dark:text-zinc-400">
                  {' '}
                  · {win.offset + 1}–{win.offset + docs.length}
                </span>
              )}
            </h2>
            {filtered && (
              <Link href="/episodes" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                Clear filters
              </Link>
            )}
          </div>
          {docs.length === 0 ? (
            <p className="text-zinc-700 dark:text-zinc-300">Nothing matches all of these filters. Remove one to see more.</p>
          ) : (
            <ul className="grid gap-3" data-list="documents">
              {docs.map((d) => (
                <li key={d.slug}>
                  <DocumentCard doc={d} />
                </li>
              ))}
            </ul>
          )}
          <Pagination path="/episodes" current={current} page={win.page} pageCount={win.pageCount} label="Library pages" />
        </section>
      </div>
    </>
  );
}
