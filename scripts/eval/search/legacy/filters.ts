import { slugify } from '@/lib/slug';
import type { FlexView } from './flex';
import { FACETS, KINDS, type Facet, type SearchFilters } from './types';

/** The segments a set of filters allows, as a bitset over positions, and how many. */
export interface Filter {
  bits: Uint32Array;
  count: number;
}

/**
 * Filters as bitsets made from FlexSearch's tag lists, cached: facets with few
 * values (topic, show, kind) are ready from the start, guests and speakers are
 * made on first use (~40 KB each per 300k segments; the oldest are forgotten).
 */
export class Filters {
  private readonly cache = new Map<string, Filter | null>();

  constructor(
    private readonly flex: FlexView,
    private readonly n: number,
    labels: Record<'topic' | 'show', { value: string }[]>,
  ) {
    for (const facet of ['topic', 'show', 'kind'] as const) {
      const values = facet === 'kind' ? KINDS : labels[facet].map((l) => l.value);
      if (values.length <= 64) for (const v of values) this.tag(facet, v);
    }
  }

  /** undefined = no filter; null = a filter nothing carries (no results). Values may be slugs or names. */
  resolve(filters: SearchFilters): Filter | undefined | null {
    let combined: Filter | undefined;
    for (const facet of FACETS) {
      const raw = filters[facet];
      if (!raw) continue;
      const f = this.tag(facet, facet === 'kind' ? raw.trim().toLowerCase() : slugify(raw));
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
    const ids = this.flex.tagged(facet, value);
    let f: Filter | null = null;
    if (ids && ids.length > 0) {
      const bits = new Uint32Array((this.n + 31) >>> 5);
      for (const p of ids) bits[p >>> 5]! |= 1 << (p & 31);
      f = { bits, count: ids.length }; // a tag list holds each segment once
    }
    if (this.cache.size >= 512) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, f);
    return f;
  }
}

function popcount(bits: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i]!;
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}
