import Link from 'next/link';
import { TimeLink } from '@/components/ui/time-link';
import type { MomentView } from '@/db/moments/find-moments';
import { episodePath } from '@/lib/episode/urls';
import { momentTitle, momentWhen, sourceNote } from './describe';

/** One career moment as a quote: what happened, who told it, where, and a link to the second it is told. */
export function MomentCard({ m, showPerson = true }: { m: MomentView; showPerson?: boolean }) {
  const note = sourceNote(m);
  return (
    <figure className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800" data-moment={m.kind}>
      <p className="mb-2 text-sm font-semibold text-indigo-800 dark:text-indigo-300">
        {momentTitle(m)}
        {momentWhen(m).map((w) => (
          <span key={w} className="font-normal text-zinc-600 dark:text-zinc-400">
            {' '}
            · {w}
          </span>
        ))}
      </p>
      <blockquote className="max-w-[68ch] font-serif text-[1.07rem] leading-[1.65] text-zinc-900 dark:text-zinc-100">
        <p>“{m.quote}”</p>
      </blockquote>
      <figcaption className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-700 dark:text-zinc-300">
        {showPerson && m.person && (
          <Link href={`/guests/${m.person.slug}`} className="font-semibold hover:underline">
            {m.person.name}
          </Link>
        )}
        {note && <span className="text-zinc-600 dark:text-zinc-400">{note}</span>}
        <span aria-hidden="true">·</span>
        <Link href={episodePath(m.document.slug)} className="min-w-0 text-zinc-800 hover:text-indigo-700 hover:underline dark:text-zinc-200 dark:hover:text-indigo-300">
          {m.document.title}
        </Link>
        <span aria-hidden="true">·</span>
        {m.seconds !== null ? (
          <TimeLink href={m.url} seconds={m.seconds} estimated={m.estimated} />
        ) : (
          <Link href={m.url} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Read in context
          </Link>
        )}
      </figcaption>
    </figure>
  );
}
