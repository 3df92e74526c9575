/**
 * Finding, marking and scrolling to a moment in the transcript in the
 * browser, from what the rows carry: `data-start` on segments, `data-t` (a
 * sentence's start, see sentenceAttr) on sentences.
 */
import { partIndexAt, partIndexOfOrdinal, ensurePart } from './part-registry';

const SEGMENT = '.segment[data-start]';

/** The segment covering second t among those in the page: the latest start at or before it (the first of equals). */
export function segmentAt(t: number): HTMLElement | null {
  let best: HTMLElement | null = null;
  let bestStart = -Infinity;
  let first: HTMLElement | null = null;
  for (const el of document.querySelectorAll<HTMLElement>(SEGMENT)) {
    const start = Number(el.dataset.start);
    first ??= el;
    if (start <= t && start > bestStart) {
      best = el;
      bestStart = start;
    }
  }
  return best ?? first;
}

/** The sentence of `segment` for a link second: the last whose rounded-up start is at or before it. */
export function sentenceForLink(segment: Element, t: number): HTMLElement | null {
  let best: HTMLElement | null = null;
  let bestSecond = -Infinity;
  for (const el of segment.querySelectorAll<HTMLElement>('[data-t]')) {
    const second = Math.ceil(Number(el.dataset.t) - 1e-6);
    if (best === null) {
      best = el;
      bestSecond = second;
      continue;
    }
    if (second > t) break;
    if (second > bestSecond) {
      best = el;
      bestSecond = second;
    }
  }
  return best;
}

/** The sentence being spoken at playback time t (fractional), if its segment is in the page. */
export function sentenceAtTime(segment: Element, t: number): HTMLElement | null {
  let best: HTMLElement | null = null;
  for (const el of segment.querySelectorAll<HTMLElement>('[data-t]')) {
    if (best !== null && Number(el.dataset.t) > t) break;
    best = el;
  }
  return best;
}

/** Loads the part holding second t (when the page has not got it yet) and returns its segment and sentence. */
export async function findMoment(t: number): Promise<{ segment: HTMLElement; sentence: HTMLElement | null } | null> {
  await ensurePart(partIndexAt(t));
  const segment = segmentAt(t);
  return segment ? { segment, sentence: sentenceForLink(segment, t) } : null;
}

/** Loads the part holding segment `ordinal` and returns it. */
export async function findSegment(ordinal: number): Promise<HTMLElement | null> {
  await ensurePart(partIndexOfOrdinal(ordinal));
  return document.getElementById(`seg-${ordinal}`);
}

/** Makes `segment` (and `sentence` in it) the page's target, as the server does for ?t=. */
export function markTarget(segment: Element, sentence: Element | null): void {
  for (const old of document.querySelectorAll('.segment[data-target="true"], .segment-target')) {
    old.removeAttribute('data-target');
    old.removeAttribute('aria-current');
    old.classList.remove('segment-target');
  }
  for (const old of document.querySelectorAll('.sen-target')) old.classList.remove('sen-target');
  segment.setAttribute('data-target', 'true');
  segment.setAttribute('aria-current', 'true');
  segment.classList.add('segment-target');
  sentence?.classList.add('sen-target');
}

/** The sticky site header's height: whatever sits under it is hidden. */
export function headerHeight(): number {
  return document.querySelector<HTMLElement>('[data-site-header]')?.offsetHeight ?? 0;
}

/**
 * Scrolls so the sentence sits just below the sticky header. When it is near
 * the start of its turn, the turn's speaker and time line are shown with it.
 */
export function scrollToMoment(segment: Element, sentence: Element | null, behavior: ScrollBehavior): void {
  const top = headerHeight() + 12;
  const room = window.innerHeight - top;
  const segTop = segment.getBoundingClientRect().top + window.scrollY;
  const senTop = sentence ? sentence.getBoundingClientRect().top + window.scrollY : segTop;
  const lineHeight = sentence ? parseFloat(getComputedStyle(sentence).lineHeight) || 28 : 0;
  const at = senTop - segTop < room * 0.3 ? segTop : senTop - lineHeight;
  window.scrollTo({ top: Math.max(0, at - top), behavior });
}

/** Marks the chapter holding second t as current in the chapter list, and brings it into the list's own view. */
export function markCurrentChapter(t: number): void {
  const items = [...document.querySelectorAll<HTMLElement>('[data-chapter-start]')];
  let current: HTMLElement | null = null;
  for (const el of items) if (Number(el.dataset.chapterStart) <= t) current = el;
  for (const el of items) {
    if (el === current) el.setAttribute('aria-current', 'location');
    else el.removeAttribute('aria-current');
  }
  const list = current?.closest<HTMLElement>('[data-chapter-list]');
  if (current && list && list.scrollHeight > list.clientHeight) {
    const offset = current.getBoundingClientRect().top - list.getBoundingClientRect().top;
    if (offset < 0 || offset > list.clientHeight - 40) list.scrollTop += offset - list.clientHeight / 3;
  }
}
