'use client';

import { useEffect } from 'react';
import { parseTimeHash, parseTimeParam } from '@/lib/episode/time';
import { holdInView } from './hold-in-view';
import { findMoment, findSegment, markCurrentChapter, markTarget, scrollToMoment } from './moments';
import { playAt } from './player-bus';

/** The element a hash names, other than the moment hashes (#t=, #seg-N) handled here. */
function anchorOf(hash: string): HTMLElement | null {
  if (!hash || hash === '#' || /^#(t=|seg-\d)/.test(hash)) return null;
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return null;
  }
}

/** Goes to second t in the page: loads its part, highlights its sentence, scrolls there (to `hash`'s anchor when it names one). */
async function goTo(t: number, hash: string, behavior: ScrollBehavior): Promise<void> {
  const moment = await findMoment(t);
  if (!moment) return;
  markTarget(moment.segment, moment.sentence);
  markCurrentChapter(t);
  const anchor = anchorOf(hash);
  const how = farAway(anchor ?? moment.segment) ? 'instant' : behavior;
  if (anchor) anchor.scrollIntoView({ block: 'start', behavior: how });
  else scrollToMoment(moment.segment, moment.sentence, how);
  holdInView(anchor ?? moment.segment, () =>
    anchor ? anchor.scrollIntoView({ block: 'start', behavior: 'instant' }) : scrollToMoment(moment.segment, moment.sentence, 'instant'),
  );
}

/**
 * More than two screens away: jump rather than glide. A long smooth scroll
 * passes placeholders that load on the way, and the scroll that keeps the
 * view still when one arrives above it would cut the glide short.
 */
function farAway(el: Element): boolean {
  return Math.abs(el.getBoundingClientRect().top) > 2 * window.innerHeight;
}

/** Goes to an untimed segment: loads its part, highlights it, scrolls there. */
async function goToSegment(ordinal: number, behavior: ScrollBehavior): Promise<void> {
  const el = await findSegment(ordinal);
  if (!el) return;
  markTarget(el, null);
  scrollToMoment(el, null, farAway(el) ? 'instant' : behavior);
  holdInView(el, () => scrollToMoment(el, null, 'instant'));
}

/** Where the current address points: `?t=`, else `#t=`. */
function timeOfLocation(): number | null {
  return parseTimeParam(new URLSearchParams(window.location.search).get('t')) ?? parseTimeHash(window.location.hash);
}

/**
 * Brings the moment a link points at into view, in the browser. The server
 * has already chosen and highlighted the segment and sentence for `?t=`; this
 * scrolls there so the sentence sits below the sticky header, handles `#t=`
 * and `#seg-N` (fetching the part first when the page has not got it), and
 * takes over time links on the page: with a player they seek it and play, and
 * without one they move the highlight, with no trip to the server.
 */
export function MomentController({ target }: { target: { ordinal: number; t: number } | null }) {
  useEffect(() => {
    function onClick(e: MouseEvent) {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.('a[data-moment]');
      if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin || link.pathname !== window.location.pathname) return;
      const t = parseTimeParam(new URLSearchParams(link.search).get('t'));
      if (t === null) return;
      e.preventDefault();
      window.history.pushState(null, '', link.pathname + link.search + link.hash);
      playAt(t);
      void goTo(t, link.hash, 'smooth');
    }
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);

  useEffect(() => {
    let cancelled = false;
    async function arrive(behavior: ScrollBehavior) {
      const hashT = parseTimeHash(window.location.hash);
      if (hashT !== null) return goTo(hashT, '', behavior);
      const seg = /^#seg-(\d+)$/.exec(window.location.hash);
      if (seg && !target) {
        if (!cancelled) await goToSegment(Number(seg[1]), behavior);
        return;
      }
      const el = target ? document.getElementById(`seg-${target.ordinal}`) : null;
      if (!el || !target) return;
      markCurrentChapter(target.t);
      const anchor = anchorOf(window.location.hash);
      const sentence = el.querySelector('.sen-target');
      if (anchor) anchor.scrollIntoView({ block: 'start', behavior });
      else scrollToMoment(el, sentence, behavior);
      holdInView(anchor ?? el, () => (anchor ? anchor.scrollIntoView({ block: 'start', behavior: 'instant' }) : scrollToMoment(el, sentence, 'instant')));
    }
    // after layout and the router's own scroll handling; a long smooth scroll on arrival would only delay the reader
    const frame = requestAnimationFrame(() => void arrive('instant'));
    const onHash = () => void arrive('smooth');
    const onPop = () => {
      const t = timeOfLocation();
      const seg = /^#seg-(\d+)$/.exec(window.location.hash);
      if (t !== null) void goTo(t, window.location.hash, 'instant');
      else if (seg) void goToSegment(Number(seg[1]), 'instant');
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('popstate', onPop);
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('popstate', onPop);
    };
  }, [target]);
  return null;
}
