import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-6 text-sm text-zinc-600 dark:text-zinc-400">
        <p>Ladder: engineers&rsquo; career stories, searchable to the second.</p>
        <p>
          Press <kbd className="rounded border border-zinc-300 px-1 font-sans dark:border-zinc-600">/</kbd> to search ·{' '}
          <Link href="/search" className="underline hover:text-indigo-700 dark:hover:text-indigo-300">
            Search tips
          </Link>
        </p>
      </div>
    </footer>
  );
}
