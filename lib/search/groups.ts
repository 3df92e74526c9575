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

/** For the documents of a page of passages (in page order): how many matches each has, and at which seconds. */
export function groupByDocument(store: SegmentStore, list: ArrayLike<number>, hits: readonly { pos: number }[]): Omit<DocumentGroup, 'hits'>[] {
  const { a, meta } = store;
  const slot = new Int32Array(meta.docs.length).fill(-1);
  const groups: Omit<DocumentGroup, 'hits'>[] = [];
  for (const h of hits) {
    const d = a.doc[h.pos]!;
    if (slot[d] === -1) slot[d] = groups.push({ doc: d, count: 0, positions: [] }) - 1;
  }
  for (let k = 0; k < list.length; k++) {
    const p = list[k]!;
    const i = slot[a.doc[p]!]!;
    if (i < 0) continue;
    const g = groups[i]!;
    g.count++;
    const t = a.start[p]!;
    if (t >= 0) g.positions.push(t);
  }
  for (const g of groups) tidy(g.positions);
  return groups;
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
