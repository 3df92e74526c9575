'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { pickSegmentAt } from '@/lib/episode/segment-at';
import { parseTimeHash } from '@/lib/episode/time';

const TARGET = '[data-target="true"]';

function markTarget(el: Element) {
  for (const old of document.querySelectorAll(TARGET)) {
    old.removeAttribute('data-target');
    old.removeAttribute('aria-current');
    old.classList.remove('segment-target');
  }
  el.setAttribute('data-target', 'true');
  el.setAttribute('aria-current', 'true');
  el.classList.add('segment-target');
}

/** `#t=SECONDS` never reaches the server: choose the segment here, among those on the page. */
function segmentForHash(): Element | null {
  const t = parseTimeHash(window.location.hash);
  if (t === null) return null;
  const nodes = [...document.querySelectorAll<HTMLElement>('.segment[data-start]')];
  const segs = nodes.map((el) => ({ el, ordinal: Number(el.dataset.ordinal), startSeconds: Number(el.dataset.start) }));
  return pickSegmentAt(segs, t)?.el ?? null;
}

/**
 * Brings the moment a link points at into view. The server has already chosen
 * and highlighted the segment for `?t=`; this scrolls to it (or to a chapter
 * anchor in the hash, whose first segment is the target) and handles `#t=`.
 */
export function DeepLinkScroller({ targetOrdinal }: { targetOrdinal: number | null }) {
  const router = useRouter();

  // Segment times are plain anchors (hundreds of them, no component each); on
  // this page they navigate in place, and the server picks the new moment.
  useEffect(() => {
    function onClick(e: MouseEvent) {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.('a[data-moment]');
      if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return;
      e.preventDefault();
      router.push(link.pathname + link.search + link.hash, { scroll: false });
    }
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [router]);

  useEffect(() => {
    function reveal(behavior: ScrollBehavior) {
      const fromHash = segmentForHash();
      if (fromHash) {
        markTarget(fromHash);
        fromHash.scrollIntoView({ block: 'center', behavior });
        return;
      }
      // the server's choice wins over one made earlier for a #t= hash
      const target = targetOrdinal === null ? null : document.querySelector(`.segment[data-ordinal="${targetOrdinal}"]`);
      if (target) markTarget(target);
      const id = decodeURIComponent(window.location.hash.slice(1));
      const anchor = id ? document.getElementById(id) : null;
      if (anchor) anchor.scrollIntoView({ block: 'start', behavior });
      else if (target) target.scrollIntoView({ block: 'center', behavior });
      // the sticky chapter list scrolls on its own: bring the current chapter into it
      const current = document.querySelector<HTMLElement>('nav [aria-current="location"]');
      const list = current?.closest('nav');
      if (current && list && list.scrollHeight > list.clientHeight) list.scrollTop = current.offsetTop - list.clientHeight / 3;
    }
    // after layout and the router's own scroll handling; a long smooth scroll on arrival would only delay the reader
    const frame = requestAnimationFrame(() => reveal('instant'));
    const onHash = () => reveal('smooth');
    window.addEventListener('hashchange', onHash);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('hashchange', onHash);
    };
  }, [targetOrdinal]);
  return null;
}
