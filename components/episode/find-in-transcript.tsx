'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { TranscriptTextBody } from '@/db/transcript/transcript-response';
import { findMatches, findRegExp, type FindMatch } from '@/lib/episode/find';
import { findSegment, headerHeight } from './moments';
import { hasUnloadedParts, PART_LOADED } from './part-registry';

type Texts = TranscriptTextBody['segments'];

const texts = new Map<string, Promise<Texts>>();

/** Every segment's text: from the page when it has them all, else fetched once per page. */
function transcriptTexts(slug: string): Promise<Texts> {
  if (!hasUnloadedParts()) {
    return Promise.resolve(
      [...document.querySelectorAll<HTMLElement>('.segment[data-ordinal]')].map((el) => [
        Number(el.dataset.ordinal),
        Number(el.closest<HTMLElement>('[data-part]')?.dataset.part ?? 0),
        [...el.querySelectorAll('.seg-text p')].map((p) => p.textContent ?? '').join('\n\n'),
      ]),
    );
  }
  let hit = texts.get(slug);
  if (!hit) {
    hit = fetch(`/api/transcript?slug=${encodeURIComponent(slug)}&text=1`)
      .then((r) => (r.ok ? (r.json() as Promise<TranscriptTextBody>) : Promise.reject(new Error(String(r.status)))))
      .then((b) => b.segments);
    hit.catch(() => texts.delete(slug));
    texts.set(slug, hit);
  }
  return hit;
}

/** The k-th match of `re` in a segment's text as shown, as a DOM range over its text nodes. */
function rangeOf(segment: Element, re: RegExp, k: number): Range | null {
  const nodes: Text[] = [];
  for (const p of segment.querySelectorAll('.seg-text p')) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    // paragraphs are joined by a blank line in the stored text
    nodes.push(document.createTextNode('\n\n'));
  }
  const full = nodes.map((n) => n.data).join('');
  const m = [...full.matchAll(re)][k];
  if (!m) return null;
  const locate = (offset: number): [Text, number] => {
    let at = 0;
    for (const n of nodes) {
      if (offset <= at + n.data.length && n.parentNode) return [n, offset - at];
      at += n.data.length;
    }
    return [nodes[0]!, 0];
  };
  const range = document.createRange();
  range.setStart(...locate(m.index));
  range.setEnd(...locate(m.index + m[0].length));
  return range;
}

/** CSS custom highlights: every match in the page, and the current one; no change to the text's markup. */
function paint(re: RegExp | null, current: Range | null): void {
  const registry = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  if (!registry || typeof Highlight === 'undefined') return;
  registry.delete('find');
  registry.delete('find-current');
  if (!re) return;
  const all: Range[] = [];
  for (const seg of document.querySelectorAll('.segment')) {
    const text = [...seg.querySelectorAll('.seg-text p')].map((p) => p.textContent ?? '').join('\n\n');
    const count = [...text.matchAll(re)].length;
    for (let k = 0; k < count; k++) {
      const r = rangeOf(seg, re, k);
      if (r) all.push(r);
    }
  }
  registry.set('find', new Highlight(...all));
  if (current) registry.set('find-current', new Highlight(current));
}

/**
 * Find in the transcript. A long transcript is not all in the page, so the
 * browser's own find cannot see most of it: this box searches the whole text
 * (fetched on first use), goes to each match in turn, loading its part, and
 * highlights the matches. Enter goes to the next, Shift+Enter back.
 */
const noSubscription = () => () => {};

export function FindInTranscript({ slug }: { slug: string }) {
  // rendered only in the browser: without JavaScript the box could not do anything
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; matches: FindMatch[] } | null>(null);
  const [index, setIndex] = useState(0);
  const current = useRef<Range | null>(null);
  const matches = found && found.query === query && findRegExp(query) ? found.matches : null;

  useEffect(() => {
    const re = findRegExp(query);
    if (!re) {
      paint(null, null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      void transcriptTexts(slug).then((all) => {
        if (cancelled) return;
        setFound({ query, matches: findMatches(all, re) });
        setIndex(0);
        current.current = null;
        paint(re, null);
      });
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, slug]);

  // matches in a part that arrives later are highlighted too
  useEffect(() => {
    const onPart = () => paint(findRegExp(query), current.current);
    document.addEventListener(PART_LOADED, onPart);
    return () => document.removeEventListener(PART_LOADED, onPart);
  }, [query]);

  async function go(to: number) {
    const re = findRegExp(query);
    if (!matches || matches.length === 0 || !re) return;
    const i = (to + matches.length) % matches.length;
    setIndex(i);
    const m = matches[i]!;
    const seg = await findSegment(m.ordinal);
    if (!seg) return;
    const range = rangeOf(seg, re, m.k);
    current.current = range;
    paint(re, range);
    const box = (range ?? seg).getBoundingClientRect();
    const top = headerHeight();
    window.scrollTo({ top: window.scrollY + box.top - top - (window.innerHeight - top) / 3, behavior: 'smooth' });
  }

  if (!ready) return <div className="h-8 w-full sm:w-72" />;
  const status = matches === null ? '' : matches.length === 0 ? 'No match' : `${index + 1} of ${matches.length}`;
  return (
    <form
      role="search"
      aria-label="Find in transcript"
      className="flex w-full items-center gap-1.5 sm:w-auto"
      onSubmit={(e) => {
        e.preventDefault();
        void go(index + (current.current ? 1 : 0));
      }}
    >
      <label htmlFor="find-in-transcript" className="sr-only">
        Find in transcript
      </label>
      <input
        id="find-in-transcript"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.shiftKey) {
            e.preventDefault();
            void go(index - 1);
          }
        }}
        placeholder="Find in transcript…"
        autoComplete="off"
        spellCheck={false}
        className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 placeholder:text-zinc-500 focus:border-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500/50 sm:w-56 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400"
      />
      <span role="status" className="min-w-16 text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
        {status}
      </span>
      {matches !== null && matches.length > 0 && (
        <>
          <button type="button" onClick={() => void go(index - 1)} aria-label="Previous match" className="find-step">
            ↑
          </button>
          <button type="button" onClick={() => void go(current.current ? index + 1 : index)} aria-label="Next match" className="find-step">
            ↓
          </button>
        </>
      )}
    </form>
  );
}
