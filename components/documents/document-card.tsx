import Link from 'next/link';
import { KindBadge } from '@/components/ui/badge';
import type { DocumentListItem } from '@/db/queries/documents';
import { dateLabel, durationLabel } from '@/lib/episode/time';
import { episodePath } from '@/lib/episode/urls';

/** A document in a list: kind, title, show, date, length, guests and main topics. */
export function DocumentCard({ doc, headingLevel = 'h3' }: { doc: DocumentListItem; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  const guests = doc.people.filter((p) => p.role === 'guest');
  const meta = [doc.showName, doc.publishedOn ? dateLabel(doc.publishedOn) : null, doc.durationSeconds ? durationLabel(doc.durationSeconds) : null].filter(Boolean);
  return (
    <article className="group relative rounded-xl border border-zinc-200 p-4 transition-colors hover:border-indigo-300 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:border-indigo-700 dark:hover:bg-zinc-900/60">
      <div className="mb-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
        <KindBadge kind={doc.kind} />
        {meta.map((m, i) => (
          <span key={i}>
            {i > 0 && <span aria-hidden="true">· </span>}
            {m}
          </span>
        ))}
      </div>
      <Heading className="text-lg font-semibold leading-snug">
        {/* the title link covers the card, so the whole card is one target */}
        <Link href={episodePath(doc.slug)} className="after:absolute after:inset-0 after:rounded-xl group-hover:text-indigo-800 dark:group-hover:text-indigo-200">
          {doc.title}
        </Link>
      </Heading>
      {guests.length > 0 && (
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
          with {guests.map((g) => g.name).join(', ')}
        </p>
      )}
      {doc.topics.length > 0 && (
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          <span className="sr-only">Topics: </span>
          {doc.topics.map((t) => t.name).join(' · ')}
        </p>
      )}
    </article>
  );
}
