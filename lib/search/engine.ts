import { slugify } from '../slug';
import type { FlexView } from './flex';
import { Matcher } from './match';
import { isEmptyQuery, type ParsedQuery } from './query';
import { countFacets, groupByDocument, topK } from './rank';
import { FILTER_TOPIC_WEIGHT, TOPIC_WEIGHT } from './score';
import type { SegmentStore } from './store';
import { resolveQuery, type ResolvedQuery } from './terms';
import { tokenize } from './tokenize';
import { FACETS, KINDS, type EngineResult, type Facets, type SearchFilters } from './types';

export interface EngineOptions {
  filters?: SearchFilters;
  limit: number;
  offset: number;
  /** facet counts and document groups cost a pass over all matches; the benchmark's engine timing skips them */
  facets?: boolean;
}

interface Filter {
  bits: Uint32Array;
  count: number;
}

const EMPTY_FACETS: Facets = { topic: [], guest: [], show: [], speaker: [], kind: [] };

/**
 * Runs parsed queries against one loaded index: filters first (as bitsets of
 * FlexSearch tag lists), then an AND over the query words, phrase and exclusion
 * checks on the token store, and a partial-match fallback when the AND is empty.
 */
export class SearchEngine {
  private readonly matcher: Matcher;
  private readonly filterCache = new Map<string, Filter | null>();
  private readonly topicWords: string[][];

  constructor(
    private readonly flex: FlexView,
    readonly store: SegmentStore,
  ) {
    this.matcher = new Matcher(store);
    this.topicWords = store.meta.labels.topic.map((t) => [...new Set([...tokenize(t.value), ...tokenize(t.label)])]);
    if (this.topicWords.length > 0 && this.topicWords.length <= 64) this.buildDenseTopics(null);
    // facets with few values are filtered on all the time: have their bitsets ready
    for (const facet of ['topic', 'show', 'kind'] as const) {
      const values = facet === 'kind' ? KINDS : store.meta.labels[facet].map((l) => l.value);
      if (values.length <= 64) for (const v of values) this.tagFilter(facet, v);
    }
  }

  search(q: ParsedQuery, opts: EngineOptions): EngineResult {
    const r = resolveQuery(q, this.flex, this.store);
    const empty: EngineResult = { total: 0, fallback: false, hits: [], groups: [], facets: EMPTY_FACETS, highlight: r.highlight };
    const filter = this.filter(opts.filters ?? {});
    if (filter === null) return empty;
    const m = this.matcher;
    let fallback = false;
    if (isEmptyQuery(q)) {
      // filters alone browse: everything they select, the most on-topic first
      if (!filter) return empty;
      m.reset();
      m.seed(filter.bits);
      this.exclude(r);
    } else {
      this.and(r, filter);
      if (m.size === 0 && r.groups.length + r.phrases.length > 1) {
        this.any(r, filter);
        fallback = m.size > 0;
      }
    }
    if (m.size === 0) return empty;
    const list = m.candidates();
    this.boostTopics(r, list, opts.filters?.topic);
    const page = topK(list, opts.offset + opts.limit, m.score, fallback ? m.count : null).slice(opts.offset);
    // facets and groups read several per-segment arrays per match: in position order those reads are sequential
    const inOrder = opts.facets ? m.sortedCandidates() : list;
    return {
      total: list.length,
      fallback,
      hits: page,
      groups: opts.facets ? groupByDocument(this.store, inOrder, page) : [],
      facets: opts.facets ? countFacets(this.store, inOrder) : EMPTY_FACETS,
      highlight: r.highlight,
    };
  }

  /** All query words (AND), then phrases and exclusions; leaves the matches as the matcher's candidates. */
  private and(r: ResolvedQuery, filter: Filter | undefined): void {
    const m = this.matcher;
    m.reset();
    if (r.impossible || r.groups.some((g) => g.terms.length === 0)) return;
    const scan = r.groups.filter((g) => !g.stop).sort((x, y) => x.cost - y.cost);
    const stops = r.groups.filter((g) => g.stop);
    const first = scan[0];
    if (!first) return; // only stopwords: nothing to start from
    let rest = scan;
    // a narrow filter (one guest, one show) is a cheaper start than a common word
    if (filter && m.prefersTokens(first, filter.count)) m.seed(filter.bits);
    else {
      m.collect(first, filter?.bits ?? null);
      rest = scan.slice(1);
    }
    for (const g of [...rest, ...stops]) {
      if (m.size === 0) return;
      if (m.prefersTokens(g, m.size)) m.filterByTokens(g);
      else m.intersect(g);
    }
    if (r.phrases.length > 0) m.keep((p) => r.phrases.every((ph) => m.tokens.hasPhrase(p, ph)));
    this.exclude(r);
  }

  /** Partial matches: any query word, ranked first by how many of them a segment has. */
  private any(r: ResolvedQuery, filter: Filter | undefined): void {
    const m = this.matcher;
    m.reset();
    const words = r.groups.filter((g) => !g.stop && g.terms.length > 0);
    const cost = words.reduce((sum, g) => sum + g.cost, 0);
    if (filter && m.prefersTokens({ ...words[0]!, cost }, filter.count)) {
      // a narrow filter: read its segments' tokens rather than scan every word's lists
      m.seed(filter.bits);
      for (const g of words) m.countByTokens(g);
      const count = m.count;
      m.keep((p) => count[p]! > 0);
    } else for (const g of words) m.collect(g, filter?.bits ?? null, true);
    this.exclude(r);
  }

  private exclude(r: ResolvedQuery): void {
    const m = this.matcher;
    for (const g of r.exclude) if (g.terms.length > 0 && m.size > 0) m.exclude(g);
    for (const ph of r.excludePhrases) m.keep((p) => !m.tokens.hasPhrase(p, ph));
  }

  /** Segments tagged with a topic the query names, or the filtered topic, move up by how much they are about it. */
  private boostTopics(r: ResolvedQuery, list: Int32Array, filterTopic: string | undefined): void {
    const words = r.groups.filter((g) => !g.stop && g.word.length >= 3).map((g) => g.word);
    const filtered = filterTopic ? this.store.meta.labels.topic.findIndex((t) => t.value === slugify(filterTopic)) : -1;
    const weights = r.groups.filter((g) => !g.stop).map((g) => g.maxWeight);
    const scale = Math.max(1, weights.reduce((s, w) => s + w, 0) / Math.max(1, weights.length));
    const score = this.matcher.score;
    this.topicWords.forEach((tw, t) => {
      const named = tw.some((x) => words.some((w) => x.startsWith(w) || w.startsWith(x)));
      const weight = ((named ? TOPIC_WEIGHT : 0) + (t === filtered ? FILTER_TOPIC_WEIGHT : 0)) * (scale / 255);
      if (weight === 0) return;
      const dense = this.topicScores(t);
      for (let i = 0; i < list.length; i++) {
        const p = list[i]!;
        const s = dense[p]!;
        if (s !== 0) score[p]! += weight * s;
      }
    });
  }

  /**
   * One byte per segment for a topic (its score × 255, 0 = untagged): a single
   * read per candidate when boosting. Built for all topics in one pass at load
   * (a taxonomy is tens of topics: a few MB); past 64 topics, on first use.
   */
  private topicScores(topic: number): Uint8Array {
    let dense = this.denseTopics.get(topic);
    if (!dense) dense = this.buildDenseTopics(topic);
    return dense;
  }

  private buildDenseTopics(only: number | null): Uint8Array {
    const { topicOffsets, topicIds, topicScores } = this.store.a;
    const n = this.store.n;
    const want = only === null ? this.topicWords.map((_, t) => t) : [only];
    for (const t of want) this.denseTopics.set(t, new Uint8Array(n));
    for (let p = 0; p < n; p++) {
      for (let k = topicOffsets[p]!; k < topicOffsets[p + 1]!; k++) {
        const dense = this.denseTopics.get(topicIds[k]!);
        if (dense && (only === null || topicIds[k] === only)) dense[p] = Math.max(1, topicScores[k]!);
      }
    }
    return this.denseTopics.get(only ?? 0) ?? new Uint8Array(n);
  }
  private readonly denseTopics = new Map<number, Uint8Array>();

  /** undefined = no filter; null = a filter nothing carries (no results). */
  private filter(filters: SearchFilters): Filter | undefined | null {
    let combined: Filter | undefined;
    for (const facet of FACETS) {
      const raw = filters[facet];
      if (!raw) continue;
      const f = this.tagFilter(facet, facet === 'kind' ? raw.trim().toLowerCase() : slugify(raw));
      if (!f) return null;
      if (!combined) combined = f;
      else {
        const bits = combined.bits.map((w, i) => w & f.bits[i]!);
        combined = { bits, count: popcount(bits) };
      }
    }
    return combined && combined.count === 0 ? null : combined;
  }

  private tagFilter(facet: (typeof FACETS)[number], value: string): Filter | null {
    const key = `${facet}\u0000${value}`;
    const hit = this.filterCache.get(key);
    if (hit !== undefined) return hit;
    const ids = this.flex.tagged(facet, value);
    let f: Filter | null = null;
    if (ids && ids.length > 0) {
      const bits = new Uint32Array((this.store.n + 31) >>> 5);
      for (const p of ids) bits[p >>> 5]! |= 1 << (p & 31);
      f = { bits, count: ids.length }; // a tag list holds each segment once
    }
    // a few hundred filters at ~40 KB each per 300k segments; forget the oldest beyond that
    if (this.filterCache.size >= 512) this.filterCache.delete(this.filterCache.keys().next().value!);
    this.filterCache.set(key, f);
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
