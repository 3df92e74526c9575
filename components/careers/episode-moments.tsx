import Link from 'next/link';
import { TimeText } from '@/components/ui/time-link';
import { getEpisodeMoments } from '@/db/queries/moments';
import { episodePath, momentHref } from '@/lib/episode/urls';
import { momentTitle, momentWhen, sourceNote } from './describe';

/** The career moments told in an episode, compact, each opening at its second on this page. */
export async function EpisodeMoments({ slug }: { slug: string }) {
  const moments = getEpisodeMoments({ slug });
  if (moments.length === 0) return null;
  return (
    <nav aria-label="Career moments" className="mt-8 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
        Career moments
        <Link href="/promotions" className="ml-2 font-normal normal-case tracking-normal text-indigo-700 hover:underline dark:text-indigo-300">
          all promotions
        </Link>
      </h2>
      <ol className="space-y-1.5 text-sm">
        {moments.map((m, i) => {
          const href = m.seconds === null && m.ordinal === null ? episodePath(m.document.slug) : momentHref({ ordinal: m.ordinal ?? 0, startSeconds: m.seconds });
          const detail = [...momentWhen(m), sourceNote(m)].filter(Boolean).join(' · ');
          return (
            <li key={i} className="flex gap-2">
              <span className="w-14 shrink-0 text-xs leading-5">{m.seconds !== null ? <TimeText seconds={m.seconds} estimated={m.estimated} /> : null}</span>
              <span className="min-w-0">
                <Link href={href} prefetch={false} scroll={false} title={`“${m.quote}”`} className="font-medium hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
                  {momentTitle(m)}
                </Link>
                {m.person && <span className="text-zinc-600 dark:text-zinc-400"> · {m.person.name}</span>}
                {detail && <span className="block text-xs text-zinc-600 dark:text-zinc-400">{detail}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
