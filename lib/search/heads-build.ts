import { SearchEngine } from './engine';
import { filtersOf, headSignature, packFacets, packHit, rankSignature, type HeadEntry, type HeadTable } from './heads';
import { parseQuery } from './query';
import { ROLE, type SegmentStore } from './store';
import { resolveQuery } from './terms';
import { DEFAULT_RANK } from './tiers';

/**
 * From how many postings a one-word query is ranked ahead of time. Live, a
 * word costs some 50–70 ns per posting on a 2-core machine (counted, keyed,
 * faceted): 10,000 postings is about half a millisecond.
 */
export const HEAD_MIN_COST = 10_000;
/** at most this many head queries (each kept unfiltered and under each near-total filter) */
const MAX_HEADS = 500;
/** the first pages kept: 3 pages of 20 passages, 3 pages of 10 episodes with 5 passages each */
const KEPT = { hitsK: 60, docsK: 30, perGroupK: 5 };
/** prefixes up to this long are tried (longer ones rarely reach a tenth of the archive) */
const MAX_PREFIX = 8;
const MIN_PREFIX = 2;

/**
 * Ranks every head query of the archive: each content word and each prefix
 * (2–8 letters) whose reach is large enough to be one, resolved as a person
 * would type it (the word still open, so it also stands for longer words).
 */
export function buildHeads(store: SegmentStore, opts: { minCost?: number; maxHeads?: number; kept?: typeof KEPT } = {}): HeadTable {
  const minCost = opts.minCost ?? HEAD_MIN_COST;
  const { hitsK, docsK, perGroupK } = opts.kept ?? KEPT;
  const engine = new SearchEngine(store, DEFAULT_RANK, false);
  const entries: HeadEntry[] = [];
  const seen = new Set<string>();
  const filters = ['', ...nearTotalFilters(store)];
  const heads: { q: string; sig: string; cost: number }[] = [];
  for (const q of headCandidates(store, minCost)) {
    const r = resolveQuery(parseQuery(q), store);
    const sig = headSignature(r);
    if (sig === null || seen.has(sig) || r.groups[0]!.cost < minCost) continue;
    seen.add(sig);
    heads.push({ q, sig, cost: r.groups[0]!.cost });
  }
  // the costliest first, and no more than maxHeads: on a larger archive more words reach the bar, and each costs more to rank
  heads.sort((x, y) => y.cost - x.cost || (x.q < y.q ? -1 : 1));
  for (const { q, sig } of heads.slice(0, opts.maxHeads ?? MAX_HEADS)) {
    const parsed = parseQuery(q);
    for (const filter of filters) {
      const { passages, documents } = engine.firstPages(parsed, filtersOf(filter), { hitsK, docsK, perGroupK });
      const groups: HeadEntry['groups'] = {};
      for (const g of [...passages.groups, ...documents.groups]) groups[g.doc] = [g.count, g.positions];
      entries.push({
        q,
        sig,
        filter,
        total: passages.total,
        documents: passages.documents,
        hits: passages.hits.map(packHit),
        docs: documents.groups.map((g) => ({ doc: g.doc, hits: g.hits.map(packHit) })),
        groups,
        facets: packFacets(store, passages.facets),
      });
    }
  }
  return { rank: rankSignature(DEFAULT_RANK), minCost, hitsK, docsK, perGroupK, entries };
}

/**
 * Words and prefixes that may reach minCost postings, from the document
 * frequencies summed over the sorted vocabulary (a prefix is an id range).
 * A loose bound: the exact cost (forms, titles, names) is checked after.
 */
function headCandidates(store: SegmentStore, minCost: number): string[] {
  const { vocab } = store;
  const V = vocab.size;
  const cum = new Float64Array(V + 1);
  for (let i = 0; i < V; i++) cum[i + 1] = cum[i]! + (store.isStop[i] ? 0 : store.df(i));
  const reach = (w: string) => {
    const [lo, hi] = vocab.prefixRange(w);
    return cum[hi]! - cum[lo]!;
  };
  const out: string[] = [];
  for (let i = 0; i < V; i++) {
    const w = vocab.words[i]!;
    if (!store.isStop[i] && (store.df(i) * 8 >= minCost || reach(w) * 2 >= minCost)) out.push(w);
    const prev = i > 0 ? vocab.words[i - 1]! : '';
    for (let L = MIN_PREFIX; L < Math.min(w.length, MAX_PREFIX + 1); L++) {
      const p = w.slice(0, L);
      // each prefix once: at the first word of its id range
      if (prev.startsWith(p) || vocab.id(p) !== undefined) continue;
      if (reach(p) * 2 >= minCost) out.push(p);
    }
  }
  return out;
}

/**
 * Filters that leave out under a tenth of the archive (kind=episode in an
 * archive of podcasts): under them a head query costs what it costs
 * unfiltered, so its answers are kept for them too. One that leaves out
 * nothing is no filter at all (the engine drops it).
 */
function nearTotalFilters(store: SegmentStore, share = 0.9): string[] {
  const { a, meta, docStart, n } = store;
  const counts = new Map<string, number>();
  const add = (key: string, k: number) => counts.set(key, (counts.get(key) ?? 0) + k);
  meta.docs.forEach((d, i) => {
    const k = docStart[i + 1]! - docStart[i]!;
    add(`kind=${d.kind}`, k);
    if (d.show >= 0) add(`show=${meta.labels.show[d.show]!.value}`, k);
    for (const g of new Set(d.guests)) add(`guest=${meta.labels.guest[g]!.value}`, k);
  });
  for (let p = 0; p < n; p++) {
    if (a.role[p] === ROLE.guest) add('role=guest', 1);
    else if (a.role[p] === ROLE.host) add('role=host', 1);
  }
  meta.labels.speaker.forEach((l, s) => add(`speaker=${l.value}`, store.speakerPositions.start[s + 1]! - store.speakerPositions.start[s]!));
  return [...counts].filter(([, k]) => k >= share * n && k < n).map(([key]) => key);
}
