import type { Metadata } from 'next';
import Link from 'next/link';
import { MomentCard } from '@/components/careers/moment-card';
import { PromotionMatrix } from '@/components/careers/promotion-matrix';
import { FacetLinks, hrefWith } from '@/components/ui/facet-links';
import { FilterPanel } from '@/components/ui/filter-panel';
import { PageHeading, Section } from '@/components/ui/page-heading';
import { currentCareerData } from '@/db/career-data';
import { getPromotionsPage } from '@/db/queries/moments';
import { parseMomentQuery } from '@/lib/careers/params';

export const metadata: Metadata = {
  title: 'Promotions by level',
  description: 'Every promotion story in Ladder by the level it went from and to, across companies, each opening at the second it is told.',
  alternates: { canonical: '/promotions' },
  openGraph: { title: 'Promotions by level · Ladder', url: '/promotions' },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PARAMS = ['company', 'track', 'took', 'from', 'to'] as const;

export default async function PromotionsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const raw = Object.fromEntries(PARAMS.map((k) => [k, typeof sp[k] === 'string' ? sp[k] : undefined]));
  const levels = currentCareerData().levels;
  const parsed = parseMomentQuery(raw, levels);
  const query = parsed.ok ? parsed.query : { limit: 60, offset: 0 };
  const page = getPromotionsPage({ query });
  const current: Record<string, string | undefined> = { company: query.company, track: query.track, took: query.took, from: query.from, to: query.to };
  const filters: Record<string, string | undefined> = { company: query.company, track: query.track, took: query.took };
  const chosen = query.from && query.to ? `${levels.step(query.from)?.name ?? query.from} → ${levels.step(query.to)?.name ?? query.to}` : null;
  const total = page.cells.reduce((n, c) => n + c.count, 0);
  return (
    <>
      <PageHeading
        eyebrow={<Link href="/topics/promotions" className="hover:underline">Promotions topic</Link>}
        title="Promotions by level"
        lead="Every promotion story guests tell, by the level it went from and to. Each company’s own levels are placed on one ladder, so “E5 → E6 at Meta” and “senior → staff at Google” are the same step."
      >
        <p role="status" className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
          {total} {total === 1 ? 'story' : 'stories'} with both levels said{page.stories.total > total ? `, ${page.stories.total} promotion stories in all` : ''}
          {!parsed.ok && <span className="ml-2 text-rose-800 dark:text-rose-300">({parsed.error}; showing all)</span>}
        </p>
      </PageHeading>
      <div className="grid gap-8 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <FilterPanel
          activeCount={Object.values(filters).filter(Boolean).length}
          render={(idPrefix) => (
            <>
              <FacetLinks title="Company" param="company" options={page.facets.company} active={query.company} path="/promotions" current={current} idPrefix={idPrefix} />
              <FacetLinks title="Track" param="track" options={page.facets.track} active={query.track} path="/promotions" current={current} idPrefix={idPrefix} />
              <FacetLinks title="Time taken" param="took" options={page.facets.took} active={query.took} path="/promotions" current={current} idPrefix={idPrefix} />
            </>
          )}
        />
        <div className="min-w-0">
          {page.steps.length === 0 ? (
            <p className="text-zinc-700 dark:text-zinc-300">No promotion story with both levels said{Object.values(filters).some(Boolean) ? ' under these filters' : ' yet'}.</p>
          ) : (
            <PromotionMatrix steps={page.steps} cells={page.cells} current={current} selected={{ from: query.from, to: query.to }} />
          )}
          <Section
            id="stories"
            title={chosen ? `${chosen}: ${page.stories.total} ${page.stories.total === 1 ? 'story' : 'stories'}` : 'All promotion stories'}
            aside={
              chosen ? (
                <Link href={hrefWith('/promotions', { ...current, from: undefined }, 'to', null)} scroll={false} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  All stories
                </Link>
              ) : undefined
            }
          >
            {page.stories.moments.length === 0 ? (
              <p className="text-zinc-700 dark:text-zinc-300">No story here.</p>
            ) : (
              <ul className="grid gap-3 xl:grid-cols-2">
                {page.stories.moments.map((m, i) => (
                  <li key={`${m.document.slug}-${m.ordinal ?? 'x'}-${i}`}>
                    <MomentCard m={m} />
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
      </div>
    </>
  );
}
