import { Filters, type Filter } from './filters';
import type { FlexView } from './flex';
import { Matcher } from './match';
import { isEmptyQuery, type ParsedQuery } from './query';
import { countFacets, groupByDocument, topK } from './rank';
import type { SegmentStore } from './store';
import { resolveQuery, type ResolvedQuery } from './terms';
import { TopicBoost } from './topic-boost';
import type { EngineResult, Facets, SearchFilters } from './types';

export interface EngineOptions {
  filters?: SearchFilters;
  limit: number;
  offset: number;
  /** facet counts and document groups cost a pass over all matches; the benchmark's engine timing skips them */
  facets?: boolean;
}

const EMPTY_FACETS: Facets = { topic: [], guest: [], show: [], speaker: [], kind: [] };

/**
 * Runs parsed queries against one loaded index: filters first (as bitsets of
 * FlexSearch tag lists), then an AND over the query words, phrase and exclusion
 * checks on the token store, a partial-match fallback when the AND is empty,
 * topic boosts, and the top of the ranking.
 */
export class SearchEngine {
  private readonly matcher: Matcher;
  private readonly filters: Filters;
  private readonly topics: TopicBoost;

  constructor(
    private readonly flex: FlexView,
    readonly store: SegmentStore,
  ) {
    this.matcher = new Matcher(store);
    this.filters = new Filters(flex, store.n, store.meta.labels);
    this.topics = new TopicBoost(store);
  }

  search(q: ParsedQuery, opts: EngineOptions): EngineResult {
    const r = resolveQuery(q, this.flex, this.store);
    const empty: EngineResult = { total: 0, fallback: false, hits: [], groups: [], facets: EMPTY_FACETS, highlight: r.highlight };
    const filter = this.filters.resolve(opts.filters ?? {});
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
    this.topics.apply(r, list, m.score, opts.filters?.topic);
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
    if (r.phrases.length > 0) m.keepPhrases(r.phrases);
    this.exclude(r);
  }

  /** Partial matches: any query word, ranked first by how many of them a segment has. */
  private any(r: ResolvedQuery, filter: Filter | undefined): void {
    const m = this.matcher;
    m.reset();
    const words = r.groups.filter((g) => !g.stop && g.terms.length > 0);
    if (words.length === 0) return;
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

}
