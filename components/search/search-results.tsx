import Link from 'next/link';
import { KindBadge } from '@/components/ui/badge';
import { TimeText } from '@/components/ui/time-link';
import type { DocumentListItem } from '@/db/queries/documents';
import { dateLabel } from '@/lib/episode/time';
import { episodePath } from '@/lib/episode/urls';
import { PositionStrip } from './position-strip';
import { Snippet } from './snippet';
import type { SearchHitView, SearchResultView } from './types';

/** Only same-site paths are followed: a hit's url comes from the engine, not from this page. */
function safePath(url: string, fallback: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? url : fallback;
}

function Hit({ hit }: { hit: SearchHitView }) {
  const href = safePath(hit.url, episodePath(hit.documentSlug));
  return (
    <li className="py-3">
      <Link href={href} prefetch={false} className="group inline-flex flex-wrap items-baseline gap-x-2 text-sm" data-hit-link="">
        {hit.startSeconds !== null && (
          <span className="font-semibold text-indigo-700 group-hover:underline dark:text-indigo-300">
            <TimeText seconds={hit.startSeconds} estimated={hit.estimated} />
          </span>
        )}
        <span className="font-medium text-zinc-900 group-hover:underline dark:text-zinc-100">{hit.chapterTitle ?? (hit.startSeconds === null ? 'Read in context' : 'Jump to this moment')}</span>
      </Link>
      {hit.speaker && <span className="ml-2 text-sm text-zinc-600 dark:text-zinc-400">— {hit.speaker}</span>}
      <p className="mt-1 max-w-[72ch] font-serif leading-[1.65] text-zinc-800 dark:text-zinc-200">
        <Snippet html={hit.snippet} />
      </p>
    </li>
  );
}

/** Hits grouped by document, in the engine's order, each group with where its matches fall. */
export function SearchResults({ result, docs }: { result: SearchResultView; docs: Map<string, DocumentListItem> }) {
  const order: string[] = [];
  const bySlug = new Map<string, SearchHitView[]>();
  for (const h of result.hits) {
    if (!bySlug.has(h.documentSlug)) order.push(h.documentSlug);
    bySlug.set(h.documentSlug, [...(bySlug.get(h.documentSlug) ?? []), h]);
  }
  const groupInfo = new Map(result.groups.map((g) => [g.documentSlug, g]));
  return (
    <div className="space-y-6">
      {order.map((slug) => {
        const hits = bySlug.get(slug)!;
        const group = groupInfo.get(slug);
        const doc = docs.get(slug);
        const title = group?.documentTitle ?? hits[0]!.documentTitle;
        const guests = doc?.people.filter((p) => p.role === 'guest').map((p) => p.name) ?? [];
        return (
          <section key={slug} aria-labelledby={`g-${slug}`} className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800" data-result-group="">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
              <KindBadge kind={doc?.kind ?? hits[0]!.kind} />
              {doc?.showName && <span>{doc.showName}</span>}
              {doc?.publishedOn && <span>· {dateLabel(doc.publishedOn)}</span>}
              {guests.length > 0 && <span>· with {guests.join(', ')}</span>}
            </div>
            <h2 id={`g-${slug}`} className="mt-1 flex flex-wrap items-baseline justify-between gap-x-3 text-lg font-semibold leading-snug">
              <Link href={episodePath(slug)} className="hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
                {title}
              </Link>
              <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
                {group?.count ?? hits.length} {(group?.count ?? hits.length) === 1 ? 'match' : 'matches'}
              </span>
            </h2>
            {group && <PositionStrip slug={slug} title={title} positions={group.positions} durationSeconds={doc?.durationSeconds ?? null} />}
            <ol className="mt-1 divide-y divide-zinc-100 dark:divide-zinc-800/70">
              {hits.map((h, i) => (
                <Hit key={`${h.url}-${i}`} hit={h} />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
