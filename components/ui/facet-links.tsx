import Link from 'next/link';
import { FilterForm } from './filter-form';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** `path?…` with one parameter set (or removed with null) and paging reset; other parameters stay. */
export function hrefWith(path: string, current: Record<string, string | undefined>, key: string, value: string | null): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(current)) if (v && k !== key && k !== 'offset' && k !== 'page') next.set(k, v);
  if (value) next.set(key, value);
  const qs = next.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * One filter as a list of links with counts: plain links work without
 * JavaScript, keep the filter in the URL, and the back button undoes them.
 */
export function FacetLinks({
  title,
  param,
  options,
  active,
  path,
  current,
  limit = 12,
  idPrefix = '',
  search,
}: {
  title: string;
  param: string;
  options: readonly FacetValue[];
  active: string | undefined;
  path: string;
  current: Record<string, string | undefined>;
  limit?: number;
  idPrefix?: string;
  /** a box that searches every option by name (`?guestq=`): `options` are then the best matches, `total` how many match */
  search?: { param: string; value: string | undefined; total: number; noun: string };
}) {
  if (options.length === 0 && !search?.value) return null;
  const shown = options.slice(0, limit);
  if (active && !shown.some((o) => o.value === active)) {
    const hit = options.find((o) => o.value === active);
    if (hit) shown.push(hit);
  }
  return (
    <div>
      <h3 id={`${idPrefix}facet-${param}`} className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
        {title}
      </h3>
      {search && (search.total > limit || search.value) && (
        <div className="mb-1.5">
          <FilterForm
            path={path}
            name={search.param}
            id={`${idPrefix}facet-${param}-search`}
            label={`Find a ${search.noun}`}
            defaultValue={search.value ?? ''}
            hidden={Object.entries(current).filter((e): e is [string, string] => !!e[1] && e[0] !== search.param && e[0] !== 'page')}
            compact
          />
          <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            {search.total === 0 ? `No ${search.noun} matches.` : `${Math.min(limit, search.total)} of ${search.total}${search.value ? ' matching' : ''}, most documents first`}
          </p>
        </div>
      )}
      <ul aria-labelledby={`${idPrefix}facet-${param}`} className="flex flex-wrap gap-1.5 lg:flex-col lg:gap-0.5">
        {active && (
          <li>
            <Link href={hrefWith(path, current, param, null)} scroll={false} className="inline-flex rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
              <span aria-hidden="true" className="mr-1">×</span>Any {title.toLowerCase()}
            </Link>
          </li>
        )}
        {shown.map((o) => {
          const on = o.value === active;
          return (
            <li key={o.value} className="min-w-0 max-w-full">
              <Link
                href={hrefWith(path, current, param, on ? null : o.value)}
                scroll={false}
                aria-current={on ? 'true' : undefined}
                className={`flex min-w-0 items-center justify-between gap-3 rounded-md px-2 py-1 text-sm ring-1 ring-inset lg:ring-0 ${
                  on
                    ? 'bg-indigo-50 font-semibold text-indigo-900 ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-100 dark:ring-indigo-700'
                    : 'text-zinc-800 ring-zinc-200 hover:bg-zinc-100 dark:text-zinc-200 dark:ring-zinc-800 dark:hover:bg-zinc-800'
                }`}
              >
                <span className="truncate">{o.label}</span>
                <span className="tabular-nums text-xs text-zinc-600 dark:text-zinc-400">{o.count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
