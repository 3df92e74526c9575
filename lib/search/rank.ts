import { typosOf, wholeOf, wordsOf, type Candidates } from './candidates';
import type { Context } from './context';
import { PROXIMITY, type Proximity } from './proximity';
import { ROLE, type SegmentStore } from './store';
import type { RankedHit, Tiers } from './types';

/**
 * The ranking, as tiers compared one after another (as Meilisearch, Typesense
 * and Algolia rank), packed into one number per match so a heap can pick a
 * page without sorting everything:
 *
 *  1. query words matched (only differs in a partial match);
 *  2. fewer words found only through a typo;
 *  3. proximity: the words adjacent and in order, then near, then apart;
 *  4. context: the chapter's title holds query words, or the passage is tagged
 *     with a topic the query names;
 *  5. more words found whole (or as their plural) rather than only as the
 *     start of a longer word: "pip" puts PIP and PIPs before pipeline;
 *  6. BM25 in bands of about a fifth (a quarter of a doubling), within which
 *  7. a guest's answer comes before a host's question;
 *  8. BM25 itself.
 * The README (Search ranking) gives the measurements behind this order.
 */
const BANDS_PER_DOUBLING = 4;
/** guest 3, none 2, host 1, voice 0, by ROLE code */
const ROLE_RANK = new Uint8Array(4);
ROLE_RANK[ROLE.guest] = 3;
ROLE_RANK[ROLE.none] = 2;
ROLE_RANK[ROLE.host] = 1;
ROLE_RANK[ROLE.voice] = 0;

export function bm25Band(score: number): number {
  const b = Math.floor(Math.log2(1 + Math.max(0, score)) * BANDS_PER_DOUBLING);
  return b < 255 ? b : 255;
}

// bands of scores below 64, looked up at 1/64 resolution (a logarithm per match cost more than the rest of its key)
const BAND_STEPS = 64;
const BAND_TABLE = Uint8Array.from({ length: 64 * BAND_STEPS }, (_, i) => bm25Band(i / BAND_STEPS));

/**
 * The tiers as one number: each tier a few bits, more significant first
 * (a float64 holds 53 bits exactly; this uses 42). `counts` is the
 * matcher's packed word counts.
 */
export function composeKey(counts: number, proximity: number, context: number, role: number, score: number): number {
  const words = counts & 15;
  const whole = (counts >>> 8) & 15;
  const typos = (counts >>> 12) & 15;
  const tiers = (((words * 16 + 15 - typos) * 4 + 3 - proximity) * 4 + context) * 16 + whole;
  const band = score < 64 ? BAND_TABLE[(score * BAND_STEPS) | 0]! : bm25Band(score);
  const fine = score < 65.535 ? (score * 1000 + 0.5) | 0 : 65535;
  return ((tiers * 256 + band) * 4 + ROLE_RANK[role]!) * 65536 + fine;
}

export class Ranker {
  readonly key: Float64Array;
  /** what the last `score` ranked with, to tell a hit's tiers */
  private ctx: Context | null = null;
  private prox: Proximity | null = null;
  private readonly classStamp: Int32Array;
  private readonly classBest: Int32Array;
  private stamp = 0;

  constructor(private readonly store: SegmentStore) {
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
    const { role, dupClass } = this.store.a;
    const { counts, score } = m;
    const filtered = ctx.filtered;
    const plain = !ctx.active();
    let dups = false;
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      const c = plain ? 0 : ctx.of(p);
      const px = prox === null ? PROXIMITY.adjacent : prox.of(p);
      key[p] = composeKey(counts[p]!, px, c, role[p]!, filtered === null ? score[p]! : score[p]! + filtered[p]! / 255);
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
