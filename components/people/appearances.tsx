import Link from 'next/link';
import { KindBadge } from '@/components/ui/badge';
import { TimeLink } from '@/components/ui/time-link';
import type { Appearance } from '@/db/queries/people';
import { dateLabel, durationLabel } from '@/lib/episode/time';
import { chapterPath, episodePath } from '@/lib/episode/urls';

/** Each document a person appears in, their role in it, and its chapters to jump into. */
export function Appearances({ appearances }: { appearances: readonly Appearance[] }) {
  if (appearances.length === 0) return <p className="text-zinc-700 dark:text-zinc-300">No documents list them as guest or host.</p>;
  return (
    <ul className="space-y-4">
      {appearances.map(({ role, document: d, chapters }) => (
        <li key={d.slug} className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
            <KindBadge kind={d.kind} />
            <span className="font-medium text-zinc-800 dark:text-zinc-200">{role === 'guest' ? 'Guest' : 'Host'}</span>
            {[d.showName, d.publishedOn ? dateLabel(d.publishedOn) : null, d.durationSeconds ? durationLabel(d.durationSeconds) : null]
              .filter(Boolean)
              .map((m, i) => (
                <span key={i}>
                  <span aria-hidden="true">· </span>
                  {m}
                </span>
              ))}
          </div>
          <h3 className="mt-1 text-lg font-semibold leading-snug">
            <Link href={episodePath(d.slug)} className="hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
              {d.title}
            </Link>
          </h3>
          {chapters.length > 0 && (
            <details className="mt-2" open={chapters.length <= 8}>
              <summary className="cursor-pointer text-sm font-medium text-zinc-700 dark:text-zinc-300">{chapters.length} chapters</summary>
              <ol className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                {chapters.map((c) => (
                  <li key={c.anchor} className="flex gap-2">
                    <span className="w-16 shrink-0 text-right">
                      {c.startSeconds !== null && <TimeLink href={chapterPath(d.slug, c)} seconds={c.startSeconds} estimated={c.estimated} />}
                    </span>
                    <Link href={chapterPath(d.slug, c)} className="min-w-0 hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
                      {c.title}
                    </Link>
                  </li>
                ))}
              </ol>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
