/**
 * The parts of the transcript the page did not send, by index: each
 * PartLoader registers how to load itself, and anything that needs a moment
 * in an unloaded part (a time link, the player, the find box, a #t= hash)
 * asks for it here. Part wrappers carry their range in data attributes
 * (data-part, data-part-start, data-first, data-last).
 */
type Loader = () => Promise<void>;

/** Dispatched on document when a part's rows are in the page (detail: its index). */
export const PART_LOADED = 'transcript:part-loaded';

const loaders = new Map<number, Loader>();

export function registerPart(index: number, load: Loader): () => void {
  loaders.set(index, load);
  return () => {
    if (loaders.get(index) === load) loaders.delete(index);
  };
}

/** Resolves once part `index` is in the page (at once when it already is). */
export async function ensurePart(index: number | null): Promise<void> {
  if (index === null) return;
  await loaders.get(index)?.();
}

export function hasUnloadedParts(): boolean {
  return loaders.size > 0;
}

function partElements(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-part]')];
}

/** The part a second falls in: the last whose start is at or before it. */
export function partIndexAt(t: number): number | null {
  let best: number | null = null;
  for (const el of partElements()) {
    const start = el.dataset.partStart;
    if (start === undefined || start === '') continue;
    if (Number(start) <= t || best === null) best = Number(el.dataset.part);
    if (Number(start) > t) break;
  }
  return best;
}

/** The part holding segment `ordinal`. */
export function partIndexOfOrdinal(ordinal: number): number | null {
  for (const el of partElements()) {
    if (Number(el.dataset.first) <= ordinal && ordinal <= Number(el.dataset.last)) return Number(el.dataset.part);
  }
  return null;
}
