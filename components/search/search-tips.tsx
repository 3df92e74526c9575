import Link from 'next/link';

const TIPS: [string, string][] = [
  ['promo', 'the last word also matches as a start: promo finds promotion, after promo itself'],
  ['staff promo', 'all words must appear (AND); side by side and in order comes first'],
  ['"staff promo"', 'quotes keep words together, in order'],
  ['promotoin', 'small typos still find their word'],
  ['PIP -amazon', 'a minus sign leaves a word out'],
];

/** What a blank search page shows: how the query language works, by example. */
export function SearchTips() {
  return (
    <section aria-labelledby="tips-heading" className="max-w-2xl">
      <h2 id="tips-heading" className="text-lg font-semibold">
        How to search
      </h2>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
        Type in the search box at the top (press <kbd className="rounded border border-zinc-300 px-1 font-sans text-sm dark:border-zinc-600">/</kbd> or{' '}
        <kbd className="rounded border border-zinc-300 px-1 font-sans text-sm dark:border-zinc-600">Ctrl K</kbd> from any page). Results appear as you type, grouped by
        episode, and every result opens at its second.
      </p>
      <ul className="mt-4 divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {TIPS.map(([q, what]) => (
          <li key={q} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-2.5">
            <Link href={`/search?q=${encodeURIComponent(q)}`} className="w-36 shrink-0 font-mono text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {q}
            </Link>
            <span className="text-sm text-zinc-700 dark:text-zinc-300">{what}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
