import { PART_LOADED } from './part-registry';

const HOLD_MS = 2_000;
// the reader doing anything else: scrolling, typing, or moving to another control (the find box)
const USER_INPUT = ['wheel', 'touchstart', 'keydown', 'mousedown', 'focusin', 'input'] as const;

let release: (() => void) | null = null;

/**
 * Keeps a moment just reached in view while the parts around it arrive, for a
 * short while: a part that lands while a jump is under way can be measured
 * against the old view, and its change in height then pushes the moment off
 * the screen. Each arrival checks and puts it back; the reader's own input,
 * or the next moment, ends the hold.
 */
export function holdInView(target: Element, replace: () => void): void {
  release?.();
  const check = () => {
    if (!target.isConnected) return stop();
    const box = target.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= window.innerHeight) replace();
  };
  const timer = window.setTimeout(() => stop(), HOLD_MS);
  function stop() {
    window.clearTimeout(timer);
    document.removeEventListener(PART_LOADED, onPart);
    for (const e of USER_INPUT) window.removeEventListener(e, stop, true);
    if (release === stop) release = null;
  }
  // after the part's own layout effects and paint
  const onPart = () => requestAnimationFrame(check);
  document.addEventListener(PART_LOADED, onPart);
  for (const e of USER_INPUT) window.addEventListener(e, stop, { capture: true, passive: true });
  release = stop;
}
