import type { ChangeEventHandler, FormEventHandler, KeyboardEventHandler, Ref } from 'react';

export const SEARCH_FILTER_KEYS = ['topic', 'guest', 'show', 'speaker', 'kind'] as const;

interface Props {
  inputRef?: Ref<HTMLInputElement>;
  value?: string;
  defaultValue?: string;
  pending?: boolean;
  onChange?: ChangeEventHandler<HTMLInputElement>;
  onSubmit?: FormEventHandler<HTMLFormElement>;
  onKeyDown?: KeyboardEventHandler<HTMLInputElement>;
  hidden?: readonly (readonly [string, string])[];
  id?: string;
  size?: 'header' | 'hero';
}

/**
 * The search form itself: a plain GET form to /search, so it works before (or
 * without) JavaScript; SearchBox adds results-as-you-type on top.
 */
export function SearchField({ inputRef, value, defaultValue, pending = false, onChange, onSubmit, onKeyDown, hidden = [], id = 'site-search', size = 'header' }: Props) {
  const hero = size === 'hero';
  return (
    <form role="search" action="/search" method="get" onSubmit={onSubmit} className="relative w-full">
      <label htmlFor={id} className="sr-only">
        Search quotes
      </label>
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" className={`pointer-events-none absolute top-1/2 -translate-y-1/2 text-zinc-500 ${hero ? 'left-4 h-5 w-5' : 'left-3 h-4 w-4'}`}>
        <circle cx="8.5" cy="8.5" r="5.5" />
        <path d="M13 13l4 4" strokeLinecap="round" />
      </svg>
      <input
        ref={inputRef}
        id={id}
        type="search"
        name="q"
        value={value}
        defaultValue={defaultValue}
        onChange={onChange}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-keyshortcuts={hero ? undefined : '/ Control+K Meta+K'}
        placeholder={hero ? 'Search quotes: promo, PIP, "staff promo", tokenmaxxing…' : 'Search quotes…'}
        className={`w-full rounded-lg border border-zinc-300 bg-white text-zinc-900 placeholder:text-zinc-500 focus:border-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400 ${hero ? 'py-3.5 pl-12 pr-28 text-lg shadow-sm' : 'py-2 pl-9 pr-16 text-sm'}`}
      />
      {hidden.map(([k, v]) => (
        <input key={`${k}=${v}`} type="hidden" name={k} value={v} />
      ))}
      <span className="absolute right-2 top-1/2 flex -translate-y-1/2 items-center gap-2">
        {pending && (
          <span className="h-3 w-3 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent" aria-hidden="true" />
        )}
        {!hero && (
          <kbd className="hidden rounded border border-zinc-300 px-1.5 font-sans text-xs text-zinc-600 sm:inline dark:border-zinc-600 dark:text-zinc-400" title="Press / or Ctrl+K to search">
            /
          </kbd>
        )}
        {hero && (
          <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 dark:bg-indigo-300 dark:text-zinc-950 dark:hover:bg-indigo-200">
            Search
          </button>
        )}
      </span>
    </form>
  );
}
