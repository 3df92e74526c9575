import { EMPTY_FACETS, facetLabels } from './facets';
import type { SegmentStore } from './store';
import { parseQuery, type ParsedQuery } from './query';
import { resolveQuery, type ResolvedQuery } from './terms';
import type { RankOptions } from './tiers';
import { FACETS, type DocumentGroup, type EngineResult, type FacetCount, type Facets, type Labelled, type RankedHit, type SearchFilters, type Tiers } from './types';

/**
 * Answers computed at index build for the unfiltered one-word queries whose
 * word (with its forms, or every word a prefix starts) is in so many passages
 * that ranking them live costs milliseconds: "know", "pro", "manag". Search
 * engines keep such precomputed lists for head terms; here each holds what
 * the first pages ask for (the best passages, the best documents with their
 * best passages, the counts, the facets), exactly as the engine computed them.
 * Anything beyond that (a filter, a deeper page) is ranked live.
 */
export interface HeadTable {
  /** what the answers were ranked with (RankOptions and HEADS_VERSION): another ranking ignores them */
  rank: string;
  /** the group cost (postings) from which a query counts as a head */
  minCost: number;
  hitsK: number;
  docsK: number;
  perGroupK: number;
  entries: HeadEntry[];
}

/** pos, BM25, tiers packed (packTiers), folded positions */
export type PackedHit = [number, number, number, number[]];

export interface HeadEntry {
  /** the query as typed (what the load-time check ranks again) */
  q: string;
  sig: string;
  /** the one filter it was ranked under (filterKey), '' for none */
  filter: string;
  total: number;
  documents: number;
  /** the best hitsK passages (or all of them) */
  hits: PackedHit[];
  /** the best docsK documents, each with its best perGroupK passages */
  docs: { doc: number; hits: PackedHit[] }[];
  /** per document of either list: matches and the seconds they start at */
  groups: Record<number, [number, number[]]>;
  /** per facet (FACETS order): [label index, count] */
  facets: [number, number][][];
}

/** Bump when the ranking code changes in a way RankOptions do not show: older answers are then ignored. */
export const HEADS_VERSION = 1;

export function rankSignature(options: RankOptions): string {
  return JSON.stringify({ ...options, heads: HEADS_VERSION });
}

/** The key of a resolved query that a head answers: one typed content word and how it resolved; null for any other query. */
export function headSignature(r: ResolvedQuery): string | null {
  if (r.groups.length !== 1 || r.typed !== 1 || r.impossible || r.sequence || r.phrases.length + r.exclude.length + r.excludePhrases.length > 0) return null;
  const g = r.groups[0]!;
  if (g.stop || g.terms.length === 0) return null;
  let sig = g.word;
  for (const t of g.terms) sig += `\u0000${t.id}:${t.quality}`;
  return sig;
}

export function packTiers(t: Tiers): number {
  return t.words | (t.typos << 4) | (t.proximity << 8) | (t.context << 10) | (t.whole << 12) | (t.substance << 16) | (t.role << 17);
}

function unpackHit([pos, score, t, folded]: PackedHit): RankedHit {
  const tiers: Tiers = { words: t & 15, typos: (t >>> 4) & 15, proximity: (t >>> 8) & 3, context: (t >>> 10) & 3, whole: (t >>> 12) & 15, substance: (t >>> 16) & 1, role: (t >>> 17) & 3 };
  return { pos, score, tiers, folded: [...folded] };
}

export function packHit(h: RankedHit): PackedHit {
  return [h.pos, h.score, packTiers(h.tiers), h.folded];
}

export function packFacets(store: SegmentStore, facets: Facets): [number, number][][] {
  return FACETS.map((f) => {
    const labels = facetLabels(store, f);
    return facets[f].map((c) => [labels.findIndex((l) => l.value === c.value), c.count] as [number, number]);
  });
}

/** Serves the head answers of one index. */
export class Heads {
  private readonly bySig: Map<string, HeadEntry>;
  private readonly labels: (readonly Labelled[])[];

  constructor(
    readonly store: SegmentStore,
    readonly table: HeadTable,
  ) {
    this.bySig = new Map(table.entries.map((e) => [`${e.sig}\u0001${e.filter}`, e]));
    this.labels = FACETS.map((f) => facetLabels(store, f));
  }

  get size(): number {
    return this.bySig.size;
  }

  /**
   * The answer for a query under a filter (filterKey; '' for none), when it is
   * a head, was kept under that filter, and the page asked for is within what
   * was kept; null otherwise (rank it live).
   */
  answer(r: ResolvedQuery, filter: string, opts: { limit: number; offset: number; facets?: boolean; byDocument?: { perGroup: number } }): EngineResult | null {
    const sig = headSignature(r);
    const e = sig === null ? undefined : this.bySig.get(`${sig}\u0001${filter}`);
    if (!e) return null;
    const { hitsK, docsK, perGroupK } = this.table;
    const end = opts.offset + opts.limit;
    const facets = opts.facets ? this.facets(e) : EMPTY_FACETS;
    const base = { total: e.total, documents: e.documents, fallback: false, facets, highlight: r.highlight };
    if (opts.byDocument) {
      if ((end > docsK && e.docs.length < e.documents) || opts.byDocument.perGroup > perGroupK) return null;
      const groups: DocumentGroup[] = e.docs.slice(opts.offset, end).map((d) => ({ ...this.group(e, d.doc), hits: d.hits.slice(0, opts.byDocument!.perGroup).map(unpackHit) }));
      return { ...base, groups, hits: groups.flatMap((g) => g.hits) };
    }
    if (end > hitsK && e.hits.length < e.total) return null;
    const hits = e.hits.slice(opts.offset, end).map(unpackHit);
    const groups: DocumentGroup[] = [];
    if (opts.facets) {
      const seen = new Set<number>();
      for (const h of hits) {
        const d = this.store.a.doc[h.pos]!;
        if (seen.has(d)) continue;
        seen.add(d);
        groups.push({ ...this.group(e, d), hits: [] });
      }
    }
    return { ...base, hits, groups };
  }

  private group(e: HeadEntry, doc: number): Omit<DocumentGroup, 'hits'> {
    const g = e.groups[doc];
    if (!g) throw new Error(`head answer for ${JSON.stringify(e.sig.split('\u0000')[0])} lacks document ${doc}`);
    return { doc, count: g[0], positions: [...g[1]] };
  }

  private facets(e: HeadEntry): Facets {
    const out = {} as Facets;
    FACETS.forEach((f, i) => {
      const labels = this.labels[i]!;
      out[f] = (e.facets[i] ?? []).map(([at, count]): FacetCount => ({ value: labels[at]!.value, label: labels[at]!.label, count }));
    });
    return out;
  }
}

/**
 * Ranks the cheapest head again, live, and keeps the heads only if their
 * answer is the same: an index written by other ranking code (older, or with
 * HEADS_VERSION left unbumped) then costs speed, never correctness.
 */
export function checkedHeads(heads: Heads, live: (q: ParsedQuery, opts: { limit: number; offset: number; facets: boolean; filters: SearchFilters }) => EngineResult): Heads | null {
  const e = heads.table.entries.reduce((x, y) => (y.total < x.total ? y : x));
  const q = parseQuery(e.q);
  const opts = { limit: heads.table.hitsK, offset: 0, facets: true };
  const shown = (x: EngineResult) => JSON.stringify([x.total, x.documents, x.fallback, x.hits, x.groups, x.facets]);
  const served = heads.answer(resolveQuery(q, heads.store), e.filter, opts);
  if (served && shown(served) === shown(live(q, { ...opts, filters: filtersOf(e.filter) }))) return heads;
  console.warn(`[search] the index's precomputed answers differ from this ranking (checked ${JSON.stringify(e.q)}): ranking every query live`);
  return null;
}

/** The filters a filterKey stands for. */
export function filtersOf(key: string): SearchFilters {
  if (key === '') return {};
  const at = key.indexOf('=');
  return { [key.slice(0, at)]: key.slice(at + 1) };
}
