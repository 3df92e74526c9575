import type { Metadata } from 'next';
import Link from 'next/link';
import { DocumentCard } from '@/components/documents/document-card';
import { EmptyLibrary } from '@/components/layout/empty-library';
import { FacetLinks } from '@/components/ui/facet-links';
import { FilterPanel } from '@/components/ui/filter-panel';
import { PageHeading } from '@/components/ui/page-heading';
import { getDocumentFacets } from '@/db/queries/archive';
import { listDocuments, type DocumentFilters } from '@/db/queries/documents';

export const metadata: Metadata = {
  title: 'Library',
  description: 'Every career story in Ladder — podcast episodes, YouTube interviews, insight briefs and articles — by kind, show, guest and topic.',
  alternates: { canonical: '/episodes' },
  openGraph: { title: 'Library · Ladder', url: '/episodes' },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const KEYS = ['kind', 'show', 'guest', 'topic'] as const;

function first(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim() || undefined;
}

export default async function DocumentsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const filters: DocumentFilters = Object.fromEntries(KEYS.map((k) => [k, first(sp[k])]).filter(([, v]) => v));
  const docs = listDocuments({ filters });
  const facets = getDocumentFacets();
  const current = filters as Record<string, string | undefined>;
  const filtered = Object.keys(filters).length > 0;
  const total = facets.kind.reduce((n, k) => n + k.count, 0);
  if (total === 0) {
    return (
      <>
        <PageHeading title="Library" />
        <EmptyLibrary />
      </>
    );
  }
  return (
    <>
      <PageHeading title="Library" lead="Every episode, brief and article, newest first. Narrow it down by kind, show, guest or topic." />
      <div className="grid gap-8 lg:grid-cols-[15rem_minmax(0,1fr)]">
        <FilterPanel
          activeCount={Object.keys(filters).length}
          render={(idPrefix) => (
            <>
              <FacetLinks title="Kind" param="kind" options={facets.kind} active={filters.kind} path="/episodes" current={current} idPrefix={idPrefix} />
              <FacetLinks title="Show" param="show" options={facets.show} active={filters.show} path="/episodes" current={current} idPrefix={idPrefix} />
              <FacetLinks title="Guest" param="guest" options={facets.guest} active={filters.guest} path="/episodes" current={current} idPrefix={idPrefix} />
              <FacetLinks title="Topic" param="topic" options={facets.topic} active={filters.topic} path="/episodes" current={current} idPrefix={idPrefix} />
            </>
          )}
        />
        <section aria-labelledby="results-heading">
          <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
              {docs.length} {docs.length === 1 ? 'document' : 'documents'}
              {filtered && <span className="font-normal text-zinc-600 dark:text-zinc-400"> of {total}</span>}
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
            <ul className="grid gap-3">
              {docs.map((d) => (
                <li key={d.slug}>
                  <DocumentCard doc={d} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
