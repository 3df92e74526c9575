import { slugify } from '../slug';
import { ROLE, type SegmentStore } from './store';
import { FACETS, KINDS, type Facet, type SearchFilters } from './types';

/** The segments a set of filters allows, as a bitset over positions, and how many. */
export interface Filter {
  bits: Uint32Array;
  count: number;
}

/**
 * Filters as bitsets made from the store's per-segment arrays, cached (the
 * oldest forgotten past 512): a document's segments are one run of positions,
 * so a guest, show or kind filter sets whole runs.
 */
export class Filters {
  private readonly cache = new Map<string, Filter | null>();
  private readonly ids: Record<'topic' | 'guest' | 'show' | 'speaker', Map<string, number>>;

  constructor(private readonly store: SegmentStore) {
    const { meta } = store;
    const index = (facet: 'topic' | 'guest' | 'show' | 'speaker') => new Map(meta.labels[facet].map((l, i) => [l.value, i]));
    this.ids = { topic: index('topic'), guest: index('guest'), show: index('show'), speaker: index('speaker') };
  }

  /** undefined = no filter; null = a filter nothing carries (no results). Values may be slugs or names. */
  resolve(filters: SearchFilters): Filter | undefined | null {
    let combined: Filter | undefined;
    for (const facet of FACETS) {
      const raw = filters[facet];
      if (!raw) continue;
      const f = this.tag(facet, canonicalValue(facet, raw));
      if (!f) return null;
      if (!combined) combined = f;
      else {
        const bits = combined.bits.map((w, i) => w & f.bits[i]!);
        combined = { bits, count: popcount(bits) };
      }
    }
    return combined && combined.count === 0 ? null : combined;
  }

  private tag(facet: Facet, value: string): Filter | null {
    const key = `${facet}\u0000${value}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const bits = new Uint32Array((this.store.n + 31) >>> 5);
    this.fill(facet, value, bits);
    const count = popcount(bits);
    const f = count > 0 ? { bits, count } : null;
    if (this.cache.size >= 512) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, f);
    return f;
  }

  private fill(facet: Facet, value: string, bits: Uint32Array): void {
    const { a, meta, docStart } = this.store;
    const set = (p: number) => (bits[p >>> 5]! |= 1 << (p & 31));
    const docs = (keep: (d: (typeof meta.docs)[number]) => boolean) =>
      meta.docs.forEach((d, i) => {
        if (keep(d)) for (let p = docStart[i]!; p < docStart[i + 1]!; p++) set(p);
      });
    if (facet === 'kind') {
      if (KINDS.includes(value as (typeof KINDS)[number])) docs((d) => d.kind === value);
      return;
    }
    if (facet === 'role') {
      const role = value === 'guest' ? ROLE.guest : value === 'host' ? ROLE.host : -1;
      for (let p = 0; p < this.store.n; p++) if (a.role[p] === role) set(p);
      return;
    }
    const i = this.ids[facet].get(value);
    if (i === undefined) return;
    if (facet === 'guest') docs((d) => d.guests.includes(i));
    else if (facet === 'show') docs((d) => d.show === i);
    else if (facet === 'speaker') {
      const sp = this.store.speakerPositions;
      for (let k = sp.start[i]!; k < sp.start[i + 1]!; k++) set(sp.list[k]!);
    } else {
      for (let p = 0; p < this.store.n; p++) {
        for (let k = a.topicOffsets[p]!; k < a.topicOffsets[p + 1]!; k++) if (a.topicIds[k] === i) set(p);
      }
    }
  }
}

/** A filter value as the index keys it: kinds and roles as words, the archive's own values as slugs (a name or its slug alike). */
export function canonicalValue(facet: Facet, raw: string): string {
  return facet === 'kind' || facet === 'role' ? raw.trim().toLowerCase() : slugify(raw);
}

/**
 * One filter as a key ("kind=episode"), '' for none; null for what a head
 * list never keeps (several filters, or a topic, whose strength reorders).
 */
export function filterKey(filters: SearchFilters | undefined): string | null {
  let key = '';
  for (const facet of FACETS) {
    const raw = filters?.[facet];
    if (!raw) continue;
    if (key !== '' || facet === 'topic') return null;
    key = `${facet}=${canonicalValue(facet, raw)}`;
  }
  return key;
}

/** How many bits are set. */
export function popcount(bits: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i]!;
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}
