import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchResults } from '@/components/search/search-results';
import { SearchTips } from '@/components/search/search-tips';
import type { EpisodeGroupsView, SearchFacet } from '@/components/search/types';
import { KIND_LABEL } from '@/components/ui/badge';
import { FacetLinks, hrefWith } from '@/components/ui/facet-links';
import { FilterPanel } from '@/components/ui/filter-panel';
import { listDocuments } from '@/db/queries/documents';
import { searchArchiveByEpisode } from '@/db/queries/search';
import { MAX_GROUP_PAGE } from '@/db/search/search-groups';

/** Episodes per page (`?per=` changes it, 1–50): the page goes by episode, each shown once with its best passages. */
const PER_PAGE = 10;
const FACETS: [SearchFacet, string][] = [
  ['topic', 'Topic'],
  ['guest', 'Guest'],
  ['show', 'Show'],
  ['speaker', 'Speaker'],
  ['role', 'Said by'],
  ['kind', 'Kind'],
];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim() || undefined;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = first((await searchParams).q);
  return {
    title: q ? `“${q}” — Search` : 'Search',
    description: 'Search every quote in Ladder by words and topic, and open each one at its second.',
    // result pages are endless and change with the library: not for indexing
    robots: { index: false, follow: true },
    openGraph: { title: 'Search · Ladder', url: '/search' },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const sp = await searchParams;
  const q = first(sp.q) ?? '';
  const filters = Object.fromEntries(FACETS.map(([k]) => [k, first(sp[k])]).filter(([, v]) => v)) as Partial<Record<SearchFacet, string>>;
  const page = Math.min(MAX_GROUP_PAGE, Math.max(1, Number.parseInt(first(sp.page) ?? '1', 10) || 1));
  const perPage = Math.min(50, Math.max(1, Number.parseInt(first(sp.per) ?? '', 10) || PER_PAGE));
  const current: Record<string, string | undefined> = { q: q || undefined, ...filters, per: perPage !== PER_PAGE ? String(perPage) : undefined };
  const active = q !== '' || Object.keys(filters).length > 0;

  let result: EpisodeGroupsView | null = null;
  let error: string | null = null;
  if (active) {
    try {
      result = await searchArchiveByEpisode({ q, ...filters, page, perPage });
    } catch (e) {
      error = e instanceof Error ? e.message : 'The search failed.';
    }
  }
  const slugs = result ? result.groups.map((g) => g.documentSlug) : [];
  const docs = new Map(slugs.length ? listDocuments({ filters: { slugs } }).map((d) => [d.slug, d]) : []);
  const pageHref = (n: number) => hrefWith('/search', current, 'page', n > 1 ? String(n) : null);

  return (
    <>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{q ? <>Results for “{q}”</> : 'Search'}</h1>
        {result && (
          <p role="status" className="mt-2 text-sm text-zinc-600 dark:text-zinc-400" data-total={result.total} data-documents={result.documents}>
            {result.total} {result.total === 1 ? 'passage' : 'passages'} in {result.documents} {result.documents === 1 ? 'episode' : 'episodes'}
            {result.pageCount > 1 && (
              <>
                {' '}
                · page {result.page} of {result.pageCount}
              </>
            )}
            <span aria-hidden="true"> · {result.tookMs < 1 ? '<1' : Math.round(result.tookMs)} ms</span>
          </p>
        )}
        {result?.degraded && (
          <p className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-400/10 dark:text-amber-100">
            Search is not available yet: this library has no search index. The next import makes one.
          </p>
        )}
        {result?.fallback && (
          <p className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-400/10 dark:text-amber-100">
            No passage has every word; these are the closest matches.
          </p>
        )}
        {error && (
          <p role="alert" className="mt-2 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:bg-rose-400/10 dark:text-rose-100">
            {error}
          </p>
        )}
      </header>
      {!active && <SearchTips />}
      {result && (
        <div className="grid gap-8 lg:grid-cols-[14rem_minmax(0,1fr)]">
          <FilterPanel
            activeCount={Object.keys(filters).length}
            render={(idPrefix) =>
              FACETS.map(([key, title]) => (
                <FacetLinks
                  key={key}
                  title={title}
                  param={key}
                  options={(result.facets[key] ?? []).map((o) => (key === 'kind' ? { ...o, label: KIND_LABEL[o.value] ?? o.label } : o))}
                  active={filters[key]}
                  path="/search"
                  current={current}
                  idPrefix={idPrefix}
                />
              ))
            }
          />
          <div className="min-w-0">
            {result.groups.length === 0 ? (
              <p className="text-zinc-700 dark:text-zinc-300">
                {result.documents > 0
                  ? 'No more episodes: this page is past the last one.'
                  : `Nothing found${Object.keys(filters).length > 0 ? ' with these filters' : ''}. Try fewer words, or a shorter start of a word.`}
              </p>
            ) : (
              <SearchResults groups={result.groups} docs={docs} />
            )}
            <nav aria-label="More results" className="mt-6 flex justify-between text-sm font-medium">
              {page > 1 ? (
                <Link href={pageHref(page - 1)} rel="prev" className="text-indigo-700 hover:underline dark:text-indigo-300">
                  ← Previous episodes
                </Link>
              ) : (
                <span />
              )}
              {page < result.pageCount && (
                <Link href={pageHref(page + 1)} rel="next" className="text-indigo-700 hover:underline dark:text-indigo-300">
                  Next episodes →
                </Link>
              )}
            </nav>
          </div>
        </div>
      )}
    </>
  );
}
