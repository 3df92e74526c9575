import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchResults } from '@/components/search/search-results';
import { SearchTips } from '@/components/search/search-tips';
import type { SearchFacet, SearchResultView } from '@/components/search/types';
import { KIND_LABEL } from '@/components/ui/badge';
import { FacetLinks, hrefWith } from '@/components/ui/facet-links';
import { FilterPanel } from '@/components/ui/filter-panel';
import { listDocuments } from '@/db/queries/documents';
import { searchArchive } from '@/db/queries/search';

const PAGE_SIZE = 30;
const FACETS: [SearchFacet, string][] = [
  ['topic', 'Topic'],
  ['guest', 'Guest'],
  ['show', 'Show'],
  ['speaker', 'Speaker'],
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
  const offset = Math.max(0, Number.parseInt(first(sp.offset) ?? '0', 10) || 0);
  const current: Record<string, string | undefined> = { q: q || undefined, ...filters };
  const active = q !== '' || Object.keys(filters).length > 0;

  let result: SearchResultView | null = null;
  let error: string | null = null;
  if (active) {
    try {
      result = (await searchArchive({ q, ...filters, limit: PAGE_SIZE, offset })) as SearchResultView;
    } catch (e) {
      error = e instanceof Error ? e.message : 'The search failed.';
    }
  }
  const slugs = result ? [...new Set(result.hits.map((h) => h.documentSlug))] : [];
  const docs = new Map(slugs.length ? listDocuments({ filters: { slugs } }).map((d) => [d.slug, d]) : []);
  const groupCount = result ? new Set(result.groups.map((g) => g.documentSlug)).size || slugs.length : 0;

  return (
    <>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{q ? <>Results for “{q}”</> : 'Search'}</h1>
        {result && (
          <p role="status" className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            {result.total} {result.total === 1 ? 'match' : 'matches'} in {groupCount} {groupCount === 1 ? 'document' : 'documents'}
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
            {result.hits.length === 0 ? (
              <p className="text-zinc-700 dark:text-zinc-300">
                Nothing found{Object.keys(filters).length > 0 ? ' with these filters' : ''}. Try fewer words, or a shorter start of a word.
              </p>
            ) : (
              <SearchResults result={result} docs={docs} />
            )}
            <nav aria-label="More results" className="mt-6 flex justify-between text-sm font-medium">
              {offset > 0 ? (
                <Link href={hrefWith('/search', current, 'offset', offset > PAGE_SIZE ? String(offset - PAGE_SIZE) : null)} className="text-indigo-700 hover:underline dark:text-indigo-300">
                  ← Previous
                </Link>
              ) : (
                <span />
              )}
              {result.total > offset + result.hits.length && (
                <Link href={hrefWith('/search', current, 'offset', String(offset + PAGE_SIZE))} className="text-indigo-700 hover:underline dark:text-indigo-300">
                  Next {PAGE_SIZE} →
                </Link>
              )}
            </nav>
          </div>
        </div>
      )}
    </>
  );
}
