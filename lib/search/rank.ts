import { typosOf, wholeOf, wordsOf, type Candidates } from './candidates';
import type { Context } from './context';
import { PROXIMITY, type Proximity } from './proximity';
import type { SegmentStore } from './store';
import { bandOf, defaultKey, isDefaultOrder, keyInOrder, ROLE_RANK, type RankOptions } from './tiers';
import type { RankedHit, Tiers } from './types';

/** The ranking's tiers are defined and packed in tiers.ts; this fills and uses the keys. */

// Imported bindings are read through accessor functions once modules are
// compiled to CommonJS (tsx) or bundled: once per match that costs more than
// the key itself, so the per-match ones are copied into module constants.
const keyOf = defaultKey;
const keyInOrderOf = keyInOrder;
const bandFor = bandOf;
const ROLE_RANKS = ROLE_RANK;
const ADJACENT = PROXIMITY.adjacent;
const WORDS_OF = wordsOf;
const TYPOS_OF = typosOf;
const WHOLE_OF = wholeOf;

export class Ranker {
  readonly key: Float64Array;
  /** what the last `score` ranked with, to tell a hit's tiers */
  private ctx: Context | null = null;
  private prox: Proximity | null = null;
  private readonly classStamp: Int32Array;
  private readonly classBest: Int32Array;
  private stamp = 0;

  constructor(
    private readonly store: SegmentStore,
    private readonly options: RankOptions,
  ) {
    this.key = new Float64Array(store.n);
    const classes = store.a.dupStart.length - 1;
    this.classStamp = new Int32Array(Math.max(0, classes));
    this.classBest = new Int32Array(Math.max(0, classes));
  }

  /**
   * Fills every candidate's key (`prox` is prepared for multi-word queries,
   * null otherwise). Returns whether any candidate has its text elsewhere too,
   * so `fold` can be skipped when none has.
   */
  score(m: Candidates, ctx: Context, prox: Proximity | null): boolean {
    const list = m.candidates();
    const { key } = this;
    this.ctx = ctx;
    this.prox = prox;
    const { role, dupClass, len } = this.store.a;
    const { counts, score } = m;
    const filtered = ctx.filtered;
    const plain = !ctx.active();
    const { minWords, order } = this.options;
    const custom = !isDefaultOrder(order);
    let dups = false;
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      const c = plain ? 0 : ctx.of(p);
      const px = prox === null ? ADJACENT : prox.of(p);
      const s = filtered === null ? score[p]! : score[p]! + filtered[p]! / 255;
      const cnt = counts[p]!;
      const substance = len[p]! >= minWords ? 1 : 0;
      key[p] = custom
        ? keyInOrderOf(order, { words: WORDS_OF(cnt), typos: 15 - TYPOS_OF(cnt), proximity: 3 - px, context: c, whole: WHOLE_OF(cnt), substance, band: bandFor(s), role: ROLE_RANKS[role[p]!]! }, s)
        : keyOf(cnt & 15, (cnt >>> 12) & 15, px, c, (cnt >>> 8) & 15, substance, role[p]!, s);
      if (dupClass[p]! >= 0) dups = true;
    }
    return dups;
  }

  /**
   * Keeps one match per text (the best ranked of each duplicate class) and
   * drops the others, in place; returns the new length.
   */
  fold(list: Int32Array): number {
    const { dupClass } = this.store.a;
    const { key, classStamp, classBest } = this;
    const S = ++this.stamp;
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      const c = dupClass[p]!;
      if (c < 0) continue;
      if (classStamp[c] !== S) {
        classStamp[c] = S;
        classBest[c] = p;
      } else if (better(key, p, classBest[c]!)) classBest[c] = p;
    }
    let out = 0;
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      const c = dupClass[p]!;
      if (c < 0 || classBest[c] === p) list[out++] = p;
    }
    return out;
  }

  /** The other places holding a hit's text (at most `limit`, archive order). */
  foldedWith(p: number, limit = 20): number[] {
    const { dupClass, dupStart, dupMembers } = this.store.a;
    const c = dupClass[p]!;
    if (c < 0) return [];
    const out: number[] = [];
    for (let k = dupStart[c]!; k < dupStart[c + 1]! && out.length < limit; k++) if (dupMembers[k] !== p) out.push(dupMembers[k]!);
    return out;
  }

  hit(p: number, m: Candidates): RankedHit {
    const c = m.counts[p]!;
    const tiers: Tiers = {
      words: wordsOf(c),
      typos: typosOf(c),
      proximity: this.prox === null ? PROXIMITY.adjacent : this.prox.of(p),
      context: this.ctx === null || !this.ctx.active() ? 0 : this.ctx.of(p),
      whole: wholeOf(c),
      substance: this.store.a.len[p]! >= this.options.minWords ? 1 : 0,
      role: this.store.a.role[p]!,
    };
    return { pos: p, score: m.score[p]!, tiers, folded: this.foldedWith(p) };
  }
}

/** Is p ranked before q? Higher key, then earlier in the archive (so equal matches read in order). */
export function better(key: Float64Array, p: number, q: number): boolean {
  return key[p]! > key[q]! || (key[p] === key[q] && p < q);
}

/** The best `k` positions of `list`, best first, without sorting them all: a bounded heap whose root is the worst kept. */
export function topPositions(list: ArrayLike<number>, k: number, key: Float64Array): Int32Array {
  const heap = new Int32Array(Math.min(k, list.length));
  if (heap.length === 0) return heap;
  let size = 0;
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    const kp = key[p]!;
    if (size === heap.length) {
      // most candidates lose to the worst kept one: decide that first
      const root = heap[0]!;
      const kr = key[root]!;
      if (kp < kr || (kp === kr && p > root)) continue;
      let j = 0;
      for (;;) {
        const l = 2 * j + 1;
        if (l >= size) break;
        const r = l + 1;
        let c = l;
        if (r < size) {
          const kl = key[heap[l]!]!;
          const kr2 = key[heap[r]!]!;
          if (kr2 < kl || (kr2 === kl && heap[r]! > heap[l]!)) c = r;
        }
        const q = heap[c]!;
        const kq = key[q]!;
        if (!(kq < kp || (kq === kp && q > p))) break;
        heap[j] = q;
        j = c;
      }
      heap[j] = p;
      continue;
    }
    let j = size++;
    while (j > 0) {
      const parent = (j - 1) >> 1;
      const q = heap[parent]!;
      const kq = key[q]!;
      if (!(kp < kq || (kp === kq && p > q))) break;
      heap[j] = q;
      j = parent;
    }
    heap[j] = p;
  }
  return heap.sort((a, b) => key[b]! - key[a]! || a - b);
}
