'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TranscriptPartBody } from '@/db/transcript/transcript-response';
import type { SegmentRowData } from '@/lib/episode/rows';
import { PART_LOADED, registerPart } from './part-registry';
import { SegmentRow } from './segment-row';

// parts within this distance of the screen are fetched before the reader gets there
const AHEAD = '1600px 0px';

/**
 * A part of the transcript the page did not send: a placeholder about as tall
 * as its text (so the scroll bar and scroll position stay honest) with a link
 * that opens the page at this part, which is all it is without JavaScript.
 * With it, the part is fetched when it comes near the screen, or when a time
 * link, the player or the find box asks for it. `wordCount` comes formatted
 * from the server: toLocaleString in each of twenty placeholders was the
 * largest single cost of hydrating a long episode.
 */
export function PartLoader({ slug, index, words, wordCount, label, href }: { slug: string; index: number; words: number; wordCount: string; label: string; href: string }) {
  const [rows, setRows] = useState<SegmentRowData[] | null>(null);
  const [failed, setFailed] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const committed = useRef<(() => void)[]>([]);
  // a part that arrives above the screen must not move what the reader is looking at
  const above = useRef<{ el: HTMLElement; height: number } | null>(null);

  const load = useCallback((): Promise<void> => {
    inflight.current ??= (async () => {
      try {
        const res = await fetch(`/api/transcript?slug=${encodeURIComponent(slug)}&part=${index}`);
        if (!res.ok) throw new Error(`${res.status}`);
        const body = (await res.json()) as TranscriptPartBody;
        // resolved after React has put the rows in the page
        await new Promise<void>((resolve) => {
          committed.current.push(resolve);
          const part = box.current?.parentElement;
          // what the reader looks at lies below this part when it ends in the top half of the screen
          above.current = part && part.getBoundingClientRect().bottom < window.innerHeight / 2 ? { el: part, height: part.offsetHeight } : null;
          setRows(body.rows);
        });
      } catch {
        inflight.current = null;
        setFailed(true);
      }
    })();
    return inflight.current;
  }, [slug, index]);

  // before paint: the text is taller or shorter than the placeholder was, so scroll by the difference
  // (the page turns the browser's own scroll anchoring off: it did not hold with the sticky chapter list)
  useLayoutEffect(() => {
    if (rows === null || !above.current) return;
    const { el, height } = above.current;
    above.current = null;
    window.scrollBy({ top: el.offsetHeight - height, behavior: 'instant' });
  }, [rows]);

  useEffect(() => {
    if (rows === null) return;
    for (const resolve of committed.current.splice(0)) resolve();
    document.dispatchEvent(new CustomEvent(PART_LOADED, { detail: index }));
  }, [rows, index]);

  useEffect(() => {
    if (rows !== null) return;
    const unregister = registerPart(index, load);
    const el = box.current;
    let observer: IntersectionObserver | null = null;
    // wait for the page's own scroll to its moment, so a part above it is not fetched for nothing
    const start = setTimeout(() => {
      if (!el) return;
      observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) void load();
      }, { rootMargin: AHEAD });
      observer.observe(el);
    }, 300);
    return () => {
      clearTimeout(start);
      observer?.disconnect();
      unregister();
    };
  }, [rows, index, load]);

  if (rows !== null) {
    return (
      <>
        {rows.map((r) => (
          <SegmentRow key={r.ordinal} {...r} />
        ))}
      </>
    );
  }
  return (
    <div ref={box} className="part-placeholder" style={{ '--words': words } as React.CSSProperties} data-placeholder="">
      <a
        href={href}
        onClick={(e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          setFailed(false);
          void load();
        }}
        className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
      >
        {failed ? `Could not load ${label}: try again` : `Show ${label}`}
      </a>
      <span className="text-zinc-600 dark:text-zinc-400"> · {wordCount} words</span>
    </div>
  );
}
