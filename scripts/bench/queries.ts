import type { SegmentStore } from '@/lib/search/store';
import type { Facet, SearchFilters } from '@/lib/search/types';
import { withinOneEdit } from '@/lib/search/vocab';
import { PLANTED_PHRASES, pick, rng } from './corpus';

export const QUERY_TYPES = ['common', 'rare', 'two', 'three', 'prefix', 'phrase', 'typo'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export interface BenchQuery {
  type: QueryType;
  q: string;
  filters: SearchFilters;
  /** the word a misspelling stands for */
  target?: string;
}

/**
 * The fixed mix of 1,000 queries, drawn (seeded) from the loaded corpus itself so
 * that multi-word queries co-occur somewhere: half of each type with a filter
 * (topic, show, guest, speaker or kind, in turn).
 */
export function makeQueries(store: SegmentStore, total: number, seed: number): BenchQuery[] {
  const r = rng(seed);
  const { vocab, a, n } = store;
  const df = new Int32Array(vocab.size);
  const seenAt = new Int32Array(vocab.size).fill(-1);
  for (let p = 0; p < n; p++) {
    for (const id of store.tokensOf(p)) {
      if (seenAt[id] === p) continue;
      seenAt[id] = p;
      df[id]!++;
    }
  }
  const content = [...Array(vocab.size).keys()].filter((id) => !store.isStop[id] && /^[a-z]+$/.test(vocab.words[id]!));
  const byDf = [...content].sort((x, y) => df[y]! - df[x]!);
  const common = byDf.slice(0, 50);
  const rare = content.filter((id) => df[id]! >= 2 && df[id]! <= 20);
  const mid = content.filter((id) => df[id]! >= 30 && df[id]! <= Math.max(60, n / 20) && vocab.words[id]!.length >= 6);
  const word = (id: number) => vocab.words[id]!;
  // multi-word queries come from one segment (so they co-occur somewhere), and
  // their filter from that segment too: a filtered AND, not a guaranteed fallback
  const segmentWords = (count: number): { q: string; pos: number } => {
    for (;;) {
      const pos = Math.floor(r() * n);
      const toks = [...new Set(store.tokensOf(pos))].filter((id) => !store.isStop[id] && df[id]! >= 20);
      if (toks.length < count) continue;
      const chosen: number[] = [];
      while (chosen.length < count) {
        const id = pick(r, toks);
        if (!chosen.includes(id)) chosen.push(id);
      }
      return { q: chosen.map(word).join(' '), pos };
    }
  };
  const naturalPhrase = (): { q: string; pos: number } => {
    for (;;) {
      const pos = Math.floor(r() * n);
      const toks = store.tokensOf(pos);
      const len = 2 + Math.floor(r() * 2);
      if (toks.length <= len) continue;
      const at = Math.floor(r() * (toks.length - len));
      return { q: `"${[...toks.subarray(at, at + len)].map(word).join(' ')}"`, pos };
    }
  };
  const misspell = (): { q: string; target: string } => {
    for (;;) {
      const target = word(pick(r, mid));
      const i = 1 + Math.floor(r() * (target.length - 2));
      const edits = [
        target.slice(0, i) + target[i + 1] + target[i] + target.slice(i + 2), // swap
        target.slice(0, i) + target.slice(i + 1), // drop
        target.slice(0, i) + target[i] + target.slice(i), // double
      ];
      const q = pick(r, edits);
      if (q !== target && vocab.id(q) === undefined && vocab.prefixRange(q)[0] === vocab.prefixRange(q)[1] && withinOneEdit(q, target)) {
        return { q, target };
      }
    }
  };
  // the synthetic corpus plants known phrases; a real archive has none of them, so its phrases all come from its own text
  const planted = PLANTED_PHRASES.filter((ph) => ph.split(' ').every((w) => vocab.id(w) !== undefined));
  const filterKinds: Facet[] = ['topic', 'show', 'guest', 'speaker', 'kind'];
  const labels = store.meta.labels;
  const filterFor = (k: number, p: number): SearchFilters => {
    const f = filterKinds[k % filterKinds.length]!;
    const doc = store.meta.docs[a.doc[p]!]!;
    // an archive without topics, shows or named speakers (the real one, as imported so far) filters by kind instead
    if (labels[f as 'topic' | 'show' | 'speaker']?.length === 0) return { kind: doc.kind };
    if (f === 'topic') {
      const own = [...a.topicIds.subarray(a.topicOffsets[p]!, a.topicOffsets[p + 1]!)];
      return { topic: (own.length > 0 ? labels.topic[pick(r, own)] : pick(r, labels.topic))!.value };
    }
    if (f === 'show') return { show: labels.show[doc.show]?.value ?? pick(r, labels.show).value };
    if (f === 'guest') return { guest: labels.guest[doc.guests[0] ?? 0]?.value ?? '' };
    if (f === 'speaker') return { speaker: labels.speaker[a.speaker[p]!]?.value ?? pick(r, labels.speaker).value };
    return { kind: doc.kind };
  };

  const out: BenchQuery[] = [];
  for (let i = 0; i < total; i++) {
    const type = QUERY_TYPES[i % QUERY_TYPES.length]!;
    const filtered = Math.floor(i / QUERY_TYPES.length) % 2 === 1;
    let q: string;
    let target: string | undefined;
    let pos = Math.floor(r() * n);
    if (type === 'common') q = word(pick(r, common));
    else if (type === 'rare') q = word(pick(r, rare));
    else if (type === 'two' || type === 'three') ({ q, pos } = segmentWords(type === 'two' ? 2 : 3));
    else if (type === 'prefix') {
      const w = word(pick(r, r() < 0.5 ? common.filter((id) => word(id).length >= 5) : mid));
      q = w.slice(0, Math.max(3, Math.min(w.length - 1, 3 + Math.floor(r() * 3))));
    } else if (type === 'phrase') {
      if (planted.length > 0 && r() < 0.5) q = `"${pick(r, planted)}"`;
      else ({ q, pos } = naturalPhrase());
    } else ({ q, target } = misspell());
    const filters = filtered ? filterFor(Math.floor(i / (2 * QUERY_TYPES.length)), pos) : {};
    out.push({ type, q, filters, target });
  }
  return out;
}
