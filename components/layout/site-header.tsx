import Link from 'next/link';
import { Suspense } from 'react';
import { SearchBox } from '@/components/search/search-box';
import { SearchField } from '@/components/search/search-field';

const NAV = [
  { href: '/episodes', label: 'Library' },
  { href: '/topics', label: 'Topics' },
  { href: '/guests', label: 'Guests' },
];

export function SiteHeader() {
  return (
    <header data-site-header="" className="sticky top-0 z-30 border-b border-zinc-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/80 dark:border-zinc-800 dark:bg-zinc-950/95 dark:supports-[backdrop-filter]:bg-zinc-950/80">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2.5">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <svg aria-hidden="true" viewBox="0 0 20 24" className="h-6 w-5 text-indigo-700 dark:text-indigo-400" fill="none" stroke="currentColor" strokeWidth="2.2">
            <path d="M5 2v20M15 2v20M5 7h10M5 12h10M5 17h10" strokeLinecap="round" />
          </svg>
          Ladder
        </Link>
        <nav aria-label="Main" className="order-2 sm:order-3 ml-auto sm:ml-0">
          <ul className="flex gap-4 text-sm font-medium">
            {NAV.map((n) => (
              <li key={n.href}>
                <Link href={n.href} className="text-zinc-700 hover:text-indigo-700 dark:text-zinc-300 dark:hover:text-indigo-300">
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="order-3 w-full sm:order-2 sm:ml-auto sm:w-80 lg:w-96">
          {/* useSearchParams needs a boundary; the fallback is the same form, working without JS */}
          <Suspense fallback={<SearchField />}>
            <SearchBox />
          </Suspense>
        </div>
      </div>
    </header>
  );
}
