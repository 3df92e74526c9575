'use client';

import { useEffect, useRef } from 'react';
import { ensurePart, partIndexAt } from './part-registry';
import { headerHeight, markCurrentChapter, segmentAt, sentenceAtTime } from './moments';
import { onPlayerTime } from './player-bus';

const NOW = 'sen-now';
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * While the player plays, highlights the sentence being spoken (class
 * `sen-now`) and, while `follow` is on, keeps it in
 * view. Scrolling by hand (wheel, touch, scroll keys) turns following off
 * through `onUserScroll`; the page's own scrolling does not, as it fires none
 * of those events.
 */
export function useFollowAlong(follow: boolean, onUserScroll: () => void): void {
  const followRef = useRef(follow);
  const lastSentence = useRef<HTMLElement | null>(null);
  useEffect(() => {
    followRef.current = follow;
    if (follow && lastSentence.current) keepInView(lastSentence.current, 'smooth');
  }, [follow]);

  useEffect(() => {
    let loading: number | null = null;
    function show(t: number) {
      const part = partIndexAt(t);
      const segment = segmentAt(t);
      // the player went past what the page has: fetch that part, then show it
      if (part !== null && document.querySelector(`[data-part="${part}"] [data-placeholder]`)) {
        if (loading !== part) {
          loading = part;
          void ensurePart(part).then(() => {
            loading = null;
            show(t);
          });
        }
        return;
      }
      if (!segment) return;
      const sentence = sentenceAtTime(segment, t) ?? segment;
      if (sentence === lastSentence.current) return;
      lastSentence.current?.classList.remove(NOW);
      sentence.classList.add(NOW);
      lastSentence.current = sentence;
      markCurrentChapter(t);
      if (followRef.current) keepInView(sentence, 'smooth');
    }
    return onPlayerTime((t) => show(t));
  }, []);

  useEffect(() => {
    const stop = () => {
      if (followRef.current) onUserScroll();
    };
    const onKey = (e: KeyboardEvent) => {
      if (SCROLL_KEYS.has(e.key) && !isEditable(e.target)) stop();
    };
    window.addEventListener('wheel', stop, { passive: true });
    window.addEventListener('touchmove', stop, { passive: true });
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('wheel', stop);
      window.removeEventListener('touchmove', stop);
      window.removeEventListener('keydown', onKey);
    };
  }, [onUserScroll]);
}

/** Scrolls when the sentence has left the band between the header and 70% of the screen, to a third of the way down. */
function keepInView(el: Element, behavior: ScrollBehavior): void {
  const top = headerHeight();
  const r = el.getBoundingClientRect();
  const h = window.innerHeight;
  if (r.top >= top + 8 && r.bottom <= h * 0.7) return;
  window.scrollTo({ top: window.scrollY + r.top - top - (h - top) / 3, behavior });
}
