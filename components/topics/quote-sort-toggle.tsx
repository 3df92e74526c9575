import Link from 'next/link';
import type { QuoteSort } from '@/lib/topics/pick-quotes';

const OPTIONS: { value: QuoteSort; label: string }[] = [
  { value: 'score', label: 'Most on topic' },
  { value: 'newest', label: 'Newest first' },
];

/** Two links, not a form: the order lives in the URL (?sort=newest) so it can be shared and bookmarked. */
export function QuoteSortToggle({ slug, sort }: { slug: string; sort: QuoteSort }) {
  return (
    <nav aria-label="Order of quotes" className="flex gap-1 rounded-lg border border-zinc-200 p-0.5 text-sm dark:border-zinc-800">
      {OPTIONS.map((o) => {
        const href = o.value === 'score' ? `/topics/${slug}#quotes` : `/topics/${slug}?sort=${o.value}#quotes`;
        const current = o.value === sort;
        return (
          <Link
            key={o.value}
            href={href}
            aria-current={current ? 'page' : undefined}
            className={`rounded-md px-2.5 py-1 ${current ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900' : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'}`}
          >
            {o.label}
          </Link>
        );
      })}
    </nav>
  );
}

export function parseQuoteSort(value: string | string[] | undefined): QuoteSort {
  return value === 'newest' ? 'newest' : 'score';
}
