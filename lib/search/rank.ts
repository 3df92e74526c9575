import { typosOf, wholeOf, wordsOf, type Candidates } from './candidates';
import type { Context } from './context';
import { PROXIMITY, type ProximityOf } from './proximity';
import { TopHeap } from './heap';
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
const DUP = 8;

export class Ranker {
  readonly key: Float64Array;
  /** what the last `score` ranked with, to tell a hit's tiers */
  private ctx: Context | null = null;
  private prox: ProximityOf | null = null;
  private readonly classStamp: Int32Array;
  private readonly classBest: Int32Array;
  private stamp = 0;
  private readonly heap: TopHeap;
  private readonly docStamp: Int32Array;
  /** per segment: its ROLE code (bits 0–1), a passage of substance (bit 2), its text held elsewhere too (DUP) */
  private readonly facts: Uint8Array;
  /** the packed key of one match's tiers (arguments as defaultKey's) */
  private readonly keyFor: typeof defaultKey;
  private docMark = 0;
  /** documents holding the candidates of the last `score` */
  documents = 0;

  constructor(
    private readonly store: SegmentStore,
    private readonly options: RankOptions,
  ) {
    this.key = new Float64Array(store.n);
    const classes = store.a.dupStart.length - 1;
    this.classStamp = new Int32Array(Math.max(0, classes));
    this.classBest = new Int32Array(Math.max(0, classes));
    this.heap = new TopHeap(this.key);
    const { order } = options;
    this.keyFor = isDefaultOrder(order)
      ? keyOf
      : (words, typos, proximity, context, whole, substance, role, score) =>
          keyInOrderOf(order, { words, typos: 15 - typos, proximity: 3 - proximity, context, whole, substance, band: bandFor(score), role: ROLE_RANKS[role]! }, score);
    // what the key reads of a segment that never changes, in one byte: one read per match instead of three
    const { role, len, dupClass } = store.a;
    this.facts = new Uint8Array(store.n);
    for (let p = 0; p < store.n; p++) this.facts[p] = role[p]! | (len[p]! >= options.minWords ? 4 : 0) | (dupClass[p]! >= 0 ? DUP : 0);
    this.docStamp = new Int32Array(store.meta.docs.length);
  }

  /**
   * Fills every candidate's key (`prox` is prepared for multi-word queries,
   * null otherwise), and in the same pass keeps the best `k` (`top`) and
   * counts the documents (`documents`). Returns whether any candidate has its
   * text elsewhere too: then `fold` must run, and `top` and `documents` are
   * not valid.
   */
  score(m: Candidates, ctx: Context, prox: ProximityOf | null, k = 0): boolean {
    const list = m.candidates();
    const { key, heap, docStamp } = this;
    this.ctx = ctx;
    this.prox = prox;
    const { doc, chapter } = this.store.a;
    const { counts, score } = m;
    const filtered = ctx.filtered;
    const plain = !ctx.active();
    // most queries name no topic: then the context tier is its chapter's count, read inline
    const chapterOnly = ctx.named.length === 0;
    const chapterContext = ctx.chapterContext;
    const keyFor = this.keyFor;
    const facts = this.facts;
    heap.reset(Math.min(k, list.length));
    const D = ++this.docMark;
    let documents = 0;
    let dups = false;
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      const c = plain ? 0 : chapterOnly ? chapterContext[chapter[p]! + 1]! : ctx.of(p);
      const px = prox === null ? ADJACENT : prox.of(p);
      const s = filtered === null ? score[p]! : score[p]! + filtered[p]! / 255;
      const cnt = counts[p]!;
      const f = facts[p]!;
      const kp = keyFor(cnt & 15, (cnt >>> 12) & 15, px, c, (cnt >>> 8) & 15, (f >>> 2) & 1, f & 3, s);
      key[p] = kp;
      if (f >= DUP) dups = true;
      const d = doc[p]!;
      if (docStamp[d] !== D) {
        docStamp[d] = D;
        documents++;
      }
      if (kp > heap.rootKey || (kp === heap.rootKey && p < heap.root)) heap.push(p);
    }
    this.documents = documents;
    return dups;
  }

  /** The best `k` asked of the last `score` (when it found no duplicates), best first. */
  top(): Int32Array {
    return this.heap.sorted();
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
