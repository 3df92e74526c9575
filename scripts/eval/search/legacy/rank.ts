import type { SegmentStore } from './store';
import { FACETS, KINDS, type DocumentGroup, type Facet, type FacetCount, type Facets, type RankedHit } from './types';

/**
 * The best `k` of the candidates without sorting them all: a bounded heap whose
 * root is the worst kept hit. Order: more query words matched (partial matches
 * only), then score, then earlier in the archive (so equal hits read in order).
 */
export function topK(list: ArrayLike<number>, k: number, score: Float32Array, count: Uint8Array | null): RankedHit[] {
  if (k <= 0 || list.length === 0) return [];
  const heapPos = new Int32Array(Math.min(k, list.length));
  const heapKey = new Float64Array(heapPos.length);
  let size = 0;
  // "a worse than b": lower key, or equal key and later position
  const worse = (ka: number, pa: number, kb: number, pb: number) => ka < kb || (ka === kb && pa > pb);
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    const key = (count !== null ? count[p]! * 1e6 : 0) + score[p]!;
    if (size === heapPos.length) {
      // most candidates lose to the worst kept hit: decide that without a call
      const rootKey = heapKey[0]!;
      if (key < rootKey || (key === rootKey && p > heapPos[0]!)) continue;
    }
    if (size < heapPos.length) {
      let j = size++;
      while (j > 0) {
        const parent = (j - 1) >> 1;
        if (!worse(key, p, heapKey[parent]!, heapPos[parent]!)) break;
        heapPos[j] = heapPos[parent]!;
        heapKey[j] = heapKey[parent]!;
        j = parent;
      }
      heapPos[j] = p;
      heapKey[j] = key;
    } else {
      // sift the new entry down from the root (the worst kept one is replaced)
      let j = 0;
      for (;;) {
        const l = 2 * j + 1;
        if (l >= size) break;
        const r = l + 1;
        const c = r < size && worse(heapKey[r]!, heapPos[r]!, heapKey[l]!, heapPos[l]!) ? r : l;
        if (!worse(heapKey[c]!, heapPos[c]!, key, p)) break;
        heapPos[j] = heapPos[c]!;
        heapKey[j] = heapKey[c]!;
        j = c;
      }
      heapPos[j] = p;
      heapKey[j] = key;
    }
  }
  const out: RankedHit[] = [];
  for (let i = 0; i < size; i++) out.push({ pos: heapPos[i]!, score: heapKey[i]! });
  return out.sort((x, y) => y.score - x.score || x.pos - y.pos);
}

const FACET_LIMIT = 30;

/** Counts per facet value over all matches (not just the page shown), most frequent first. Faster with `list` in position order. */
export function countFacets(store: SegmentStore, list: ArrayLike<number>): Facets {
  const { a, meta } = store;
  const perDoc = new Int32Array(meta.docs.length);
  const speakers = new Int32Array(meta.labels.speaker.length);
  const topics = new Int32Array(meta.labels.topic.length);
  const { doc, speaker, topicOffsets, topicIds } = a;
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    perDoc[doc[p]!]!++;
    const s = speaker[p]!;
    if (s >= 0) speakers[s]!++;
    const end = topicOffsets[p + 1]!;
    for (let k = topicOffsets[p]!; k < end; k++) topics[topicIds[k]!]!++;
  }
  const guests = new Int32Array(meta.labels.guest.length);
  const shows = new Int32Array(meta.labels.show.length);
  const kinds = new Int32Array(KINDS.length);
  meta.docs.forEach((d, i) => {
    const c = perDoc[i]!;
    if (c === 0) return;
    for (const g of d.guests) guests[g]! += c;
    if (d.show >= 0) shows[d.show]! += c;
    kinds[KINDS.indexOf(d.kind)]! += c;
  });
  const counts: Record<Facet, Int32Array> = { topic: topics, guest: guests, show: shows, speaker: speakers, kind: kinds };
  const out = {} as Facets;
  for (const f of FACETS) {
    const labels = f === 'kind' ? KINDS.map((k) => ({ value: k, label: k })) : meta.labels[f];
    const list: FacetCount[] = [];
    counts[f].forEach((count, i) => {
      const l = labels[i];
      if (count > 0 && l) list.push({ value: l.value, label: l.label, count });
    });
    // plain code-unit order for ties: localeCompare cost milliseconds over a few hundred names
    list.sort((x, y) => y.count - x.count || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
    out[f] = list.slice(0, FACET_LIMIT);
  }
  return out;
}

const MAX_POSITIONS = 500;

/** For the documents on this page (in page order): how many matches each has, and at which seconds. */
export function groupByDocument(store: SegmentStore, list: ArrayLike<number>, hits: readonly RankedHit[]): DocumentGroup[] {
  const { a, meta } = store;
  const slot = new Int32Array(meta.docs.length).fill(-1);
  const groups: DocumentGroup[] = [];
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
  for (const g of groups) {
    g.positions.sort((x, y) => x - y);
    if (g.positions.length > MAX_POSITIONS) g.positions.length = MAX_POSITIONS;
  }
  return groups;
}

/** Positions in ascending order via a bitset (cheaper than a sort), written into `out`. */
export function inPositionOrder(list: ArrayLike<number>, bits: Uint32Array, out: Int32Array): Int32Array {
  bits.fill(0);
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    bits[p >>> 5]! |= 1 << (p & 31);
  }
  let k = 0;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w]!;
    while (v !== 0) {
      const low = v & -v;
      out[k++] = (w << 5) + 31 - Math.clz32(low);
      v ^= low;
    }
  }
  return out.subarray(0, k);
}
