'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';

const DEBOUNCE_MS = 250;

interface Props {
  /** the list's path; the form submits there with GET */
  path: string;
  /** the parameter the box sets (`q`, `guestq`) */
  name: string;
  label: string;
  placeholder?: string;
  defaultValue?: string;
  /** the other parameters of the list, kept while the words change (paging is not among them: it restarts) */
  hidden: readonly (readonly [string, string])[];
  id: string;
  compact?: boolean;
}

/**
 * A filter-as-you-type box. Without JavaScript it is a GET form with a
 * button; with it, the URL follows the box as you type (replaced, so Back
 * leaves the list rather than undoing each letter) and the server renders the
 * filtered list.
 */
export function FilterForm({ path, name, label, placeholder, defaultValue = '', hidden, id, compact = false }: Props) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [pending, startTransition] = useTransition();
  useEffect(() => () => clearTimeout(timer.current), []);

  function hrefOf(el: HTMLFormElement): string {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(el)) if (typeof v === 'string' && v.trim() !== '') params.set(k, v.trim());
    const qs = params.toString();
    return qs ? `${path}?${qs}` : path;
  }

  function go(mode: 'push' | 'replace') {
    const el = form.current;
    if (!el) return;
    const href = hrefOf(el);
    startTransition(() => (mode === 'push' ? router.push(href, { scroll: false }) : router.replace(href, { scroll: false })));
  }

  return (
    <form
      ref={form}
      role="search"
      aria-label={label}
      action={path}
      method="get"
      className="flex min-w-0 items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        clearTimeout(timer.current);
        go('push');
      }}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <span className="relative min-w-0 flex-1">
        <input
          id={id}
          type="search"
          name={name}
          defaultValue={defaultValue}
          placeholder={placeholder ?? label}
          autoComplete="off"
          spellCheck={false}
          onChange={() => {
            clearTimeout(timer.current);
            timer.current = setTimeout(() => go('replace'), DEBOUNCE_MS);
          }}
          className={`w-full rounded-lg border border-zinc-300 bg-white text-zinc-900 placeholder:text-zinc-500 focus:border-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400 ${compact ? 'px-2 py-1 text-sm' : 'px-3 py-2 text-sm'}`}
        />
        {pending && <span aria-hidden="true" className="absolute right-2 top-1/2 h-3 w-3 -translate-y-1/2 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent" />}
      </span>
      {hidden.map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className={`shrink-0 rounded-lg border border-zinc-300 font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800 ${compact ? 'px-2 py-1 text-xs' : 'px-3 py-2 text-sm'}`}>
        Filter
      </button>
    </form>
  );
}
