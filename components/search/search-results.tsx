import Link from 'next/link';
import { KindBadge } from '@/components/ui/badge';
import { TimeText } from '@/components/ui/time-link';
import type { DocumentListItem } from '@/db/queries/documents';
import { dateLabel } from '@/lib/episode/time';
import { episodePath } from '@/lib/episode/urls';
import { PositionStrip } from './position-strip';
import { Snippet } from './snippet';
import type { EpisodeGroupView, SearchHitView } from './types';

/** Only same-site paths are followed: a hit's url comes from the engine, not from this page. */
function safePath(url: string, fallback: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? url : fallback;
}

const ROLE_LABEL = { guest: 'guest', host: 'host' } as const;

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
      {hit.speaker && (
        <span className="ml-2 text-sm text-zinc-600 dark:text-zinc-400">
          — {hit.speaker}
          {hit.role && <span className="ml-1 text-xs">({ROLE_LABEL[hit.role]})</span>}
        </span>
      )}
      <p className="mt-1 max-w-[72ch] font-serif leading-[1.65] text-zinc-800 dark:text-zinc-200">
        <Snippet html={hit.snippet} />
      </p>
      {hit.duplicates.length > 0 && (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400" data-duplicates="">
          The same words also in{' '}
          {hit.duplicates.map((d, i) => (
            <span key={`${d.url}-${i}`}>
              {i > 0 && ', '}
              <Link href={safePath(d.url, episodePath(d.documentSlug))} prefetch={false} className="underline hover:text-indigo-700 dark:hover:text-indigo-300">
                {d.documentTitle}
              </Link>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

/** One card per episode, in the engine's order, each with its best passages and where all its matches fall. */
export function SearchResults({ groups, docs }: { groups: readonly EpisodeGroupView[]; docs: Map<string, DocumentListItem> }) {
  return (
    <div className="space-y-6">
      {groups.map((group) => {
        const slug = group.documentSlug;
        const doc = docs.get(slug);
        const title = group.documentTitle;
        const guests = doc?.people.filter((p) => p.role === 'guest').map((p) => p.name) ?? [];
        const more = group.count - group.hits.length;
        return (
          <section key={slug} aria-labelledby={`g-${slug}`} className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800" data-result-group={slug}>
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
              <KindBadge kind={doc?.kind ?? group.hits[0]!.kind} />
              {doc?.showName && <span>{doc.showName}</span>}
              {doc?.publishedOn && <span>· {dateLabel(doc.publishedOn)}</span>}
              {guests.length > 0 && <span>· with {guests.join(', ')}</span>}
            </div>
            <h2 id={`g-${slug}`} className="mt-1 flex flex-wrap items-baseline justify-between gap-x-3 text-lg font-semibold leading-snug">
              <Link href={episodePath(slug)} className="hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
                {title}
              </Link>
              <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400" data-group-count={group.count}>
                {group.count} {group.count === 1 ? 'match' : 'matches'}
              </span>
            </h2>
            <PositionStrip slug={slug} title={title} positions={group.positions} durationSeconds={doc?.durationSeconds ?? null} />
            <ol className="mt-1 divide-y divide-zinc-100 dark:divide-zinc-800/70">
              {group.hits.map((h, i) => (
                <Hit key={`${h.url}-${i}`} hit={h} />
              ))}
            </ol>
            {more > 0 && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{more} more in this episode: the strip above marks where.</p>}
          </section>
        );
      })}
    </div>
  );
}
