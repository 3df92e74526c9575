'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { SEARCH_FILTER_KEYS, SearchField } from './search-field';

const DEBOUNCE_MS = 200;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const NO_PARAMS = new URLSearchParams();

/**
 * The header search box. Typing shows results as you type: the URL follows the
 * box (debounced), the server renders /search for it, and each burst of typing
 * is one history entry (pushed at its start, replaced while it goes on), so
 * Back returns to the previous search rather than to every keystroke.
 * `/` and Ctrl/⌘-K focus it from any page.
 */
export function SearchBox() {
  const router = useRouter();
  const pathname = usePathname();
  // typed nullable because pages/ exists (the search API); in the App Router it is always set
  const params = useSearchParams() ?? NO_PARAMS;
  const onSearch = pathname === '/search';
  const urlQ = onSearch ? (params.get('q') ?? '') : '';
  const [value, setValue] = useState(urlQ);
  const [seenQ, setSeenQ] = useState(urlQ);
  const [navigatedQ, setNavigatedQ] = useState<string | null>(null);
  const [inBurst, setInBurst] = useState(false);
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The URL moved: follow it, unless it is the navigation this box just asked for
  // (the reader may have typed further since; their text wins).
  if (urlQ !== seenQ) {
    setSeenQ(urlQ);
    if (urlQ === navigatedQ) {
      setNavigatedQ(null);
    } else {
      setValue(urlQ);
      setInBurst(false);
    }
  }

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const k = e.key.toLowerCase();
      const combo = k === 'k' && (e.metaKey || e.ctrlKey) && !e.altKey;
      const slash = e.key === '/' && !e.metaKey && !e.ctrlKey && !e.altKey && !isEditable(e.target);
      if (!combo && !slash) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    window.addEventListener('keydown', onKey);
    // says the box is live (results as you type, shortcuts); tests wait for it after a page load
    const el = input.current;
    if (el) el.dataset.enhanced = 'true';
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  function navigate(q: string, mode: 'push' | 'replace') {
    const next = new URLSearchParams();
    if (q) next.set('q', q);
    // filters stay while the words change; paging restarts
    if (onSearch) for (const key of SEARCH_FILTER_KEYS) for (const v of params.getAll(key)) next.append(key, v);
    const qs = next.toString();
    const href = `/search${qs ? `?${qs}` : ''}`;
    setNavigatedQ(q);
    startTransition(() => {
      if (mode === 'push') router.push(href, { scroll: false });
      else router.replace(href, { scroll: false });
    });
  }

  function onChange(next: string) {
    setValue(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const q = next.trim();
      if (onSearch && q === urlQ.trim()) return;
      if (!onSearch && q === '') return;
      navigate(q, onSearch && inBurst ? 'replace' : 'push');
      setInBurst(true);
    }, DEBOUNCE_MS);
  }

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    clearTimeout(timer.current);
    const q = value.trim();
    setInBurst(false);
    if (onSearch && q === urlQ.trim()) return;
    navigate(q, 'push');
  }

  return (
    <SearchField
      inputRef={input}
      value={value}
      pending={pending}
      onChange={(e) => onChange(e.target.value)}
      onSubmit={onSubmit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') input.current?.blur();
      }}
      hidden={onSearch ? SEARCH_FILTER_KEYS.flatMap((k) => params.getAll(k).map((v) => [k, v] as const)) : []}
    />
  );
}
