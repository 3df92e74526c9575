import { ROLE, type SegmentStore } from './store';
import { FACETS, KINDS, type Facet, type FacetCount, type Facets, type Labelled } from './types';

const FACET_LIMIT = 30;
// module constants: imported bindings are accessor calls in compiled modules (see rank.ts), and these are read per match
const GUEST = ROLE.guest;
const HOST = ROLE.host;

/** The role facet's values: only the two a person can filter on. */
export const ROLE_LABELS: Labelled[] = [
  { value: 'guest', label: 'Guests' },
  { value: 'host', label: 'Hosts' },
];

/** Counts per facet value over all matches (not just the page shown), most frequent first. Faster with `list` in position order. */
export function countFacets(store: SegmentStore, list: ArrayLike<number>): Facets {
  const { a, meta } = store;
  const perDoc = new Int32Array(meta.docs.length);
  const speakers = new Int32Array(meta.labels.speaker.length);
  const topics = new Int32Array(meta.labels.topic.length);
  const roles = new Int32Array(ROLE_LABELS.length);
  const { doc, speaker, role, topicOffsets, topicIds } = a;
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    perDoc[doc[p]!]!++;
    const s = speaker[p]!;
    if (s >= 0) speakers[s]!++;
    const r = role[p]!;
    if (r === GUEST) roles[0]!++;
    else if (r === HOST) roles[1]!++;
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
  const counts: Record<Facet, Int32Array> = { topic: topics, guest: guests, show: shows, speaker: speakers, kind: kinds, role: roles };
  const out = {} as Facets;
  for (const f of FACETS) {
    const labels = facetLabels(store, f);
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

/** The values a facet's counts stand for, in the order its counts are kept. */
export function facetLabels(store: SegmentStore, f: Facet): readonly Labelled[] {
  return f === 'kind' ? KINDS.map((k) => ({ value: k, label: k })) : f === 'role' ? ROLE_LABELS : store.meta.labels[f];
}

export const EMPTY_FACETS: Facets = { topic: [], guest: [], show: [], speaker: [], kind: [], role: [] };

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
