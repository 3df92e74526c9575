import Link from 'next/link';
import type { PersonSummary } from '@/db/queries/people';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/** A person with their biggest role and where they are now. */
export function PersonCard({ person }: { person: PersonSummary }) {
  const role = person.guestCount > 0 ? `${person.guestCount} ${person.guestCount === 1 ? 'appearance' : 'appearances'} as guest` : `Host of ${person.hostCount}`;
  return (
    <article className="group relative flex gap-3 rounded-xl border border-zinc-200 p-4 transition-colors hover:border-indigo-300 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:border-indigo-700 dark:hover:bg-zinc-900/60">
      <span aria-hidden="true" className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-sm font-semibold text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100">
        {initials(person.name)}
      </span>
      <div className="min-w-0">
        <h3 className="font-semibold">
          <Link href={`/guests/${person.slug}`} className="after:absolute after:inset-0 after:rounded-xl group-hover:text-indigo-800 dark:group-hover:text-indigo-200">
            {person.name}
          </Link>
        </h3>
        {person.biggestRole && <p className="text-sm text-zinc-700 dark:text-zinc-300">{person.biggestRole}</p>}
        {person.currentCompany && <p className="text-sm text-zinc-700 dark:text-zinc-300">Now at {person.currentCompany}</p>}
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{role}</p>
      </div>
    </article>
  );
}
