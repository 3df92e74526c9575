/** Paging and list parameters as they appear in the URL (`?page=`, `?sort=`), parsed leniently. */

export const PAGE_SIZE = 24;

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** The first value of a parameter, trimmed; undefined when absent or blank. */
export function firstParam(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim() || undefined;
}

/** `?page=` as a 1-based page number: anything that is not a positive whole number is page 1. */
export function parsePage(raw: string | string[] | undefined): number {
  const s = firstParam(raw);
  if (!s || !/^\d{1,6}$/.test(s)) return 1;
  return Math.max(1, Number(s));
}

/** One of the allowed sorts, else the default. */
export function parseSort<T extends string>(raw: string | string[] | undefined, allowed: readonly T[], fallback: T): T {
  const s = firstParam(raw);
  return s && (allowed as readonly string[]).includes(s) ? (s as T) : fallback;
}

export interface PageWindow {
  /** the page shown: the asked-for one, or the last when it asked for more than there are */
  page: number;
  pageCount: number;
  offset: number;
  limit: number;
}

export function pageWindow(total: number, asked: number, size = PAGE_SIZE): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, asked), pageCount);
  return { page, pageCount, offset: (page - 1) * size, limit: size };
}

/**
 * The page numbers to offer: the first, the last, and two either side of the
 * current one, with null where a run is left out ("1 … 4 5 6 7 8 … 20").
 */
export function pageNumbers(page: number, pageCount: number, around = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pageCount; p++) {
    if (p === 1 || p === pageCount || Math.abs(p - page) <= around) out.push(p);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

/** `path?…` with some parameters changed (null or '' removes one); the rest of `current` stays. */
export function listHref(path: string, current: Record<string, string | undefined>, changes: Record<string, string | number | null>): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(current)) if (v && !(k in changes)) next.set(k, v);
  for (const [k, v] of Object.entries(changes)) if (v !== null && v !== '') next.set(k, String(v));
  const qs = next.toString();
  return qs ? `${path}?${qs}` : path;
}
