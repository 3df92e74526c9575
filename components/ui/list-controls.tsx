import Link from 'next/link';
import { listHref } from '@/lib/list/paging';
import { FilterForm } from './filter-form';

export interface SortOption {
  value: string;
  label: string;
}

/**
 * Above a paged list: a filter-as-you-type box and the sort, both kept in the
 * URL (`?q=`, `?sort=`). Changing either starts again at page 1.
 */
export function ListControls({
  path,
  current,
  label,
  placeholder,
  sorts,
  sort,
  defaultSort,
}: {
  path: string;
  current: Record<string, string | undefined>;
  label: string;
  placeholder?: string;
  sorts: readonly SortOption[];
  sort: string;
  defaultSort: string;
}) {
  const hidden = Object.entries(current).filter((e): e is [string, string] => !!e[1] && e[0] !== 'q' && e[0] !== 'page');
  return (
    <div className="mb-5 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="sm:w-80">
        <FilterForm path={path} name="q" id={`${path.slice(1).replace(/\W/g, '-')}-filter`} label={label} placeholder={placeholder} defaultValue={current.q ?? ''} hidden={hidden} />
      </div>
      <nav aria-label="Sort" className="flex flex-wrap items-center gap-1.5 text-sm">
        <span className="mr-1 text-zinc-600 dark:text-zinc-400">Sort:</span>
        {sorts.map((s) => {
          const on = s.value === sort;
          return (
            <Link
              key={s.value}
              href={listHref(path, current, { sort: s.value === defaultSort ? null : s.value, page: null })}
              scroll={false}
              aria-current={on ? 'true' : undefined}
              className={`rounded-md px-2.5 py-1 font-medium ${
                on ? 'bg-indigo-50 text-indigo-900 ring-1 ring-inset ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-100 dark:ring-indigo-700' : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'
              }`}
            >
              {s.label}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
