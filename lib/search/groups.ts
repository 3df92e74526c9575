import { better } from './rank';
import type { SegmentStore } from './store';
import type { DocumentGroup } from './types';

const MAX_POSITIONS = 500;

/**
 * Documents ranked by their best match, for paging by episode: every document
 * appears on exactly one page, in an order that does not depend on the page
 * asked for (best match's key, then its position). Returns the page's groups,
 * each with up to `perGroup` of its matches, and how many documents match.
 */
export function pageByDocument(
  store: SegmentStore,
  list: ArrayLike<number>,
  key: Float64Array,
  page: { offset: number; limit: number; perGroup: number },
): { groups: { doc: number; count: number; positions: number[]; hits: number[] }[]; documents: number } {
  const D = store.meta.docs.length;
  const best = new Int32Array(D).fill(-1);
  const { doc } = store.a;
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    const d = doc[p]!;
    if (best[d] === -1 || better(key, p, best[d]!)) best[d] = p;
  }
  const docs: number[] = [];
  for (let d = 0; d < D; d++) if (best[d]! >= 0) docs.push(d);
  docs.sort((x, y) => (better(key, best[x]!, best[y]!) ? -1 : 1));
  const shown = docs.slice(page.offset, page.offset + page.limit);
  const slot = new Int32Array(D).fill(-1);
  const groups = shown.map((d, i) => {
    slot[d] = i;
    return { doc: d, count: 0, positions: [] as number[], hits: [] as number[] };
  });
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    const s = slot[doc[p]!]!;
    if (s < 0) continue;
    const g = groups[s]!;
    g.count++;
    g.hits.push(p);
    const t = store.a.start[p]!;
    if (t >= 0) g.positions.push(t);
  }
  for (const g of groups) {
    g.hits.sort((x, y) => (better(key, x, y) ? -1 : 1));
    g.hits.length = Math.min(g.hits.length, page.perGroup);
    tidy(g.positions);
  }
  return { groups, documents: docs.length };
}

/**
 * For the documents of a page of passages (in page order): how many matches
 * each has, and at which seconds. `sorted` is every match in position order,
 * so a document's matches are one stretch of it, found by binary search.
 */
export function groupByDocument(store: SegmentStore, sorted: Int32Array, hits: readonly { pos: number }[]): Omit<DocumentGroup, 'hits'>[] {
  const { a, docStart } = store;
  const groups: Omit<DocumentGroup, 'hits'>[] = [];
  const seen = new Set<number>();
  for (const h of hits) {
    const d = a.doc[h.pos]!;
    if (seen.has(d)) continue;
    seen.add(d);
    const from = lowerBound(sorted, docStart[d]!);
    const to = lowerBound(sorted, docStart[d + 1]!);
    const positions: number[] = [];
    for (let k = from; k < to; k++) {
      const t = a.start[sorted[k]!]!;
      if (t >= 0) positions.push(t);
    }
    tidy(positions);
    groups.push({ doc: d, count: to - from, positions });
  }
  return groups;
}

/** The first index of `sorted` holding a value ≥ x. */
function lowerBound(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many documents the matches fall in. */
export function countDocuments(store: SegmentStore, list: ArrayLike<number>): number {
  const seen = new Uint8Array(store.meta.docs.length);
  let n = 0;
  const { doc } = store.a;
  for (let i = 0; i < list.length; i++) {
    const d = doc[list[i]!]!;
    if (seen[d] === 0) {
      seen[d] = 1;
      n++;
    }
  }
  return n;
}

function tidy(positions: number[]): void {
  positions.sort((x, y) => x - y);
  if (positions.length > MAX_POSITIONS) positions.length = MAX_POSITIONS;
}
