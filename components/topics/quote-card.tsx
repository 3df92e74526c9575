import Link from 'next/link';
import { KindBadge } from '@/components/ui/badge';
import { TimeLink } from '@/components/ui/time-link';
import { episodePath, momentPath } from '@/lib/episode/urls';

export interface QuoteView {
  ordinal: number;
  startSeconds: number | null;
  estimated: boolean;
  quote: string;
  speaker: string | null;
  speakerSlug: string | null;
  document: { slug: string; title: string; kind?: string };
}

/** One quote with who said it, where, and a link to its exact second (or paragraph). */
export function QuoteCard({ q, showDocument = true, note }: { q: QuoteView; showDocument?: boolean; note?: string }) {
  const href = momentPath(q.document.slug, q);
  return (
    <figure className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <blockquote className="max-w-[68ch] font-serif text-[1.07rem] leading-[1.65] text-zinc-900 dark:text-zinc-100">
        <p>“{q.quote}”</p>
      </blockquote>
      <figcaption className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-700 dark:text-zinc-300">
        {q.speaker && (
          <span className="font-semibold">
            {q.speakerSlug ? (
              <Link href={`/guests/${q.speakerSlug}`} className="hover:underline">
                {q.speaker}
              </Link>
            ) : (
              q.speaker
            )}
          </span>
        )}
        {note && <span className="text-zinc-600 dark:text-zinc-400">{note}</span>}
        {showDocument && (
          <>
            {(q.speaker || note) && <span aria-hidden="true">·</span>}
            {q.document.kind && <KindBadge kind={q.document.kind} />}
            <Link href={episodePath(q.document.slug)} className="min-w-0 text-zinc-800 hover:text-indigo-700 hover:underline dark:text-zinc-200 dark:hover:text-indigo-300">
              {q.document.title}
            </Link>
          </>
        )}
        <span aria-hidden="true">·</span>
        {q.startSeconds !== null ? (
          <TimeLink href={href} seconds={q.startSeconds} estimated={q.estimated} />
        ) : (
          <Link href={href} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Read in context<span className="sr-only">: paragraph {q.ordinal + 1} of {q.document.title}</span>
          </Link>
        )}
      </figcaption>
    </figure>
  );
}
