import { Context } from './context';
import { countFacets, EMPTY_FACETS } from './facets';
import { filterKey, Filters, type Filter } from './filters';
import { checkedHeads, Heads, rankSignature } from './heads';
import { countDocuments, groupByDocument, pageByDocument } from './groups';
import { Matcher } from './match';
import { Proximity, SaidAsTyped } from './proximity';
import { isEmptyQuery, type ParsedQuery } from './query';
import { topPositions } from './heap';
import { Ranker } from './rank';
import { Together } from './together';
import type { SegmentStore } from './store';
import { measuredWords, resolveQuery, type ResolvedQuery } from './terms';
import { DEFAULT_RANK, type RankOptions } from './tiers';
import type { EngineResult, SearchFilters } from './types';

/** A ranked match list (the matcher's candidates, keyed in the ranker) and what the page needs besides. */
interface Ranked {
  base: EngineResult;
  folded: boolean;
  list: Int32Array;
  want: number;
}

export interface EngineOptions {
  filters?: SearchFilters;
  /** passages (or, with byDocument, documents) to return, from offset */
  limit: number;
  offset: number;
  /** facet counts and document groups cost a pass over all matches; the benchmark's engine timing skips them */
  facets?: boolean;
  /** page by document: each document once, with up to perGroup of its best matches */
  byDocument?: { perGroup: number };
}

/**
 * Runs parsed queries against one loaded index: filters first (as bitsets),
 * then an AND over the query words, phrase and exclusion checks on the token
 * store, a partial-match fallback when the AND is empty, then the ranking
 * tiers (rank.ts), one match per duplicated text, and the page.
 */
export class SearchEngine {
  private readonly matcher: Matcher;
  private readonly filters: Filters;
  private readonly context: Context;
  private readonly proximity: Proximity;
  private readonly saidAsTyped: SaidAsTyped;
  private readonly ranker: Ranker;
  private readonly together: Together;
  /** from how many postings of its rarest word an AND is done on bits first (together.ts); a test knob */
  togetherFrom = 2048;
  /** answers ranked at build for the head queries (heads.ts), when ranked as this engine ranks */
  private heads: Heads | null = null;

  constructor(
    readonly store: SegmentStore,
    readonly options: RankOptions = DEFAULT_RANK,
    useHeads = true,
  ) {
    this.matcher = new Matcher(store, store.lengthNorm(options.b));
    this.filters = new Filters(store);
    this.context = new Context(store, options.generatedContext);
    this.proximity = new Proximity(store, this.matcher.chains);
    this.saidAsTyped = new SaidAsTyped(this.matcher.tokens);
    this.ranker = new Ranker(store, options);
    this.together = new Together(store);
    const table = store.meta.heads;
    if (useHeads && table && table.entries.length > 0 && table.rank === rankSignature(options)) this.heads = checkedHeads(new Heads(store, table), (q, o) => this.search(q, o));
  }

  /** How many head queries this engine answers from the index's precomputed lists. */
  get headCount(): number {
    return this.heads?.size ?? 0;
  }

  search(q: ParsedQuery, opts: EngineOptions): EngineResult {
    const ranked = this.rank(q, opts, opts.byDocument ? 0 : opts.offset + opts.limit);
    if (!('list' in ranked)) return ranked;
    return opts.byDocument ? this.documentPage(ranked, opts) : this.passagePage(ranked, opts);
  }

  /** The first page of passages (with facets) and of documents from one ranking: what a head list keeps (heads-build.ts). */
  firstPages(q: ParsedQuery, filters: SearchFilters, kept: { hitsK: number; docsK: number; perGroupK: number }): { passages: EngineResult; documents: EngineResult } {
    const ranked = this.rank(q, { filters, limit: kept.hitsK, offset: 0 }, kept.hitsK);
    if (!('list' in ranked)) return { passages: ranked, documents: ranked };
    // the passage page first: its facets put the matches in position order, which the document page does not depend on
    const passages = this.passagePage(ranked, { limit: kept.hitsK, offset: 0, facets: true });
    const documents = this.documentPage(ranked, { limit: kept.docsK, offset: 0, byDocument: { perGroup: kept.perGroupK } });
    return { passages, documents: { ...documents, facets: EMPTY_FACETS } };
  }

  /**
   * Matches and ranks: every match keyed, duplicates folded, and (when
   * nothing was folded) the best `want` kept. Returns the result itself when
   * there is nothing to rank, or a head list answers.
   */
  private rank(q: ParsedQuery, opts: EngineOptions, want: number): Ranked | EngineResult {
    const r = resolveQuery(q, this.store);
    const empty: EngineResult = { total: 0, documents: 0, fallback: false, hits: [], groups: [], facets: EMPTY_FACETS, highlight: r.highlight };
    let filter = this.filters.resolve(opts.filters ?? {});
    if (filter === null) return empty;
    // a filter every passage passes (kind=episode in an archive of episodes) filters nothing, unless
    // it browses (an empty query lists what a filter selects) or is a topic's (its strength orders ties)
    if (filter && filter.count === this.store.n && !isEmptyQuery(q) && !opts.filters?.topic) filter = undefined;
    const key = this.heads === null ? null : filter === undefined ? '' : filterKey(opts.filters);
    const head = key === null ? null : this.heads!.answer(r, key, opts);
    if (head) return head;
    const m = this.matcher;
    // the typed words, in order: proximity is measured between them
    const measured = measuredWords(r.groups, r.typed);
    const measure = measured.length >= 2 ? measured : [];
    let fallback = false;
    m.measure(measure);
    if (isEmptyQuery(q)) {
      // filters alone browse: everything they select, the most on-topic first
      if (!filter) return empty;
      m.reset();
      m.seed(filter.bits);
      this.exclude(r);
    } else {
      this.and(r, filter);
      if (m.size === 0 && r.groups.length + r.phrases.length > 1) {
        m.measure(measure);
        this.any(r, filter);
        fallback = m.size > 0;
      }
    }
    if (m.size === 0) return empty;
    this.context.prepare(r, opts.filters?.topic);
    const prox = this.proximity.prepare(measure) ? this.proximity : r.sequence ? this.saidAsTyped.prepare(r.sequence) : null;
    // keying reads a dozen per-segment arrays per match: in position order those reads stream
    m.order();
    const folded = this.ranker.score(m, this.context, prox, want);
    if (folded) m.size = this.ranker.fold(m.candidates());
    return { base: { ...empty, fallback }, folded, list: m.candidates(), want };
  }

  private documentPage({ base, list }: Ranked, opts: EngineOptions): EngineResult {
    const m = this.matcher;
    const page = pageByDocument(this.store, list, this.ranker.key, { offset: opts.offset, limit: opts.limit, perGroup: opts.byDocument?.perGroup ?? 1 });
    const groups = page.groups.map((g) => ({ doc: g.doc, count: g.count, positions: g.positions, hits: g.hits.map((p) => this.ranker.hit(p, m)) }));
    const facets = opts.facets ? countFacets(this.store, m.sortedCandidates()) : EMPTY_FACETS;
    return { ...base, total: list.length, documents: page.documents, groups, hits: groups.flatMap((g) => g.hits), facets };
  }

  private passagePage({ base, list, folded, want }: Ranked, opts: EngineOptions): EngineResult {
    const m = this.matcher;
    // without duplicates the keying pass has already picked the page and counted the documents
    const top = (folded ? topPositions(list, want, this.ranker.key) : this.ranker.top()).subarray(opts.offset);
    const hits = [...top].map((p) => this.ranker.hit(p, m));
    const documents = folded ? countDocuments(this.store, list) : this.ranker.documents;
    if (!opts.facets) return { ...base, total: list.length, documents, hits };
    // facets and groups read several per-segment arrays per match: in position order those reads are sequential
    const sorted = m.sortedCandidates();
    const groups = groupByDocument(this.store, sorted, hits).map((g) => ({ ...g, hits: [] }));
    return { ...base, total: list.length, documents, hits, groups, facets: countFacets(this.store, sorted) };
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
    let together = false;
    // where a phrase's word has its neighbours (within the filter), or a narrow filter (one guest, one show):
    // a cheaper start than a common word
    const start = (r.phrases.length > 0 ? m.phraseStart(r.phrases, filter?.bits ?? null) : null) ?? filter;
    if (start && m.prefersTokens(first, start.count)) m.seed(start.bits);
    else {
      // the words that will be applied by scanning their postings (see Matcher.prefersTokens), met on bits first
      let scanned = 1;
      while (scanned < scan.length && !m.prefersTokens(scan[scanned]!, first.cost)) scanned++;
      // (under a filter the first word's candidates are already few of its postings: bits first gain less than they cost)
      let allow = start?.bits ?? null;
      together = !start && scanned > 1 && first.cost >= this.togetherFrom;
      if (together) {
        const met = this.together.of(scan.slice(0, scanned));
        if (met.count === 0) return;
        allow = met.bits;
      }
      m.collect(first, allow);
      rest = scan.slice(1);
    }
    for (const g of [...rest, ...stops]) {
      if (m.size === 0) return;
      const met = together ? this.together.met(g) : null;
      if (met) m.intersect(g, met);
      else if (m.prefersTokens(g, m.size)) m.filterByTokens(g);
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
      m.keep((p) => m.counts[p]! > 0);
    } else for (const g of words) m.collect(g, filter?.bits ?? null);
    this.exclude(r);
  }

  private exclude(r: ResolvedQuery): void {
    const m = this.matcher;
    for (const g of r.exclude) if (g.terms.length > 0 && m.size > 0) m.exclude(g);
    for (const ph of r.excludePhrases) m.keep((p) => !m.tokens.hasPhrase(p, ph));
  }
}
