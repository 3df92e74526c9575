import Link from 'next/link';
import { listHref, pageNumbers } from '@/lib/list/paging';

const LINK = 'inline-flex min-w-9 items-center justify-center rounded-md px-2.5 py-1.5 text-sm font-medium';
const IDLE = `${LINK} text-zinc-800 ring-1 ring-inset ring-zinc-200 hover:bg-zinc-100 dark:text-zinc-200 dark:ring-zinc-800 dark:hover:bg-zinc-800`;

/**
 * Page links for a list, the page in the URL (`?page=3`): plain links that
 * work without JavaScript and can be shared; page 1 has no parameter.
 */
export function Pagination({ path, current, page, pageCount, label = 'Pages' }: { path: string; current: Record<string, string | undefined>; page: number; pageCount: number; label?: string }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => listHref(path, current, { page: p === 1 ? null : p });
  return (
    <nav aria-label={label} className="mt-8 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Page {page} of {pageCount}
      </p>
      <ul className="flex flex-wrap items-center gap-1.5">
        {page > 1 && (
          <li>
            <Link href={href(page - 1)} rel="prev" className={IDLE}>
              <span aria-hidden="true">←&nbsp;</span>Previous
            </Link>
          </li>
        )}
        {pageNumbers(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-zinc-500">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className={`${LINK} bg-indigo-700 text-white dark:bg-indigo-300 dark:text-zinc-950`}>
                  <span className="sr-only">Page </span>
                  {p}
                </span>
              ) : (
                <Link href={href(p)} className={IDLE}>
                  <span className="sr-only">Page </span>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link href={href(page + 1)} rel="next" className={IDLE}>
              Next<span aria-hidden="true">&nbsp;→</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
