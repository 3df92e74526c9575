import type { Slots } from './flex';
import { FIELD_WEIGHT, slotWeight } from './score';
import type { SegmentStore } from './store';
import type { Group } from './terms';
import { inPositionOrder } from './rank';
import { TokenReader } from './tokens';

/**
 * Set algebra over segment positions with reusable typed arrays ("stamps" instead
 * of clearing: an entry belongs to the current step when it holds the step's
 * number). Each query word is applied one of two ways, whichever touches less:
 * scan its FlexSearch posting lists, or look at the tokens of the candidates left.
 * A common word ANDed with a rare one therefore costs the rare one's list.
 *
 * A segment's score for a word is the sum, over the fields and vocabulary terms
 * the word matched there, of the weight of that (term, field, slot) list — the
 * same sum whether it is found by scanning lists or by reading tokens.
 */
export class Matcher {
  private stamp = 0;
  private readonly mark: Int32Array;
  private readonly groupMark: Int32Array;
  readonly score: Float32Array;
  /** query words matched, for partial (fallback) matches */
  readonly count: Uint8Array;
  readonly tokens: TokenReader;
  private readonly avgTokens: number;
  /** the current candidates (positions), in a reusable buffer; every step keeps a subset in place */
  private readonly cand: Int32Array;
  size = 0;
  /** the mark the current candidates carry, when a scan set it */
  private alive = 0;

  constructor(readonly store: SegmentStore) {
    const n = store.n;
    this.mark = new Int32Array(n);
    this.groupMark = new Int32Array(n);
    this.score = new Float32Array(n);
    this.count = new Uint8Array(n);
    this.tokens = new TokenReader(store);
    this.avgTokens = n > 0 ? store.a.tokens.length / n : 1;
    this.cand = new Int32Array(n);
  }

  /** The current candidates (a view: valid until the next search). */
  candidates(): Int32Array {
    return this.cand.subarray(0, this.size);
  }

  /** The candidates in position order (facets and groups then read per-segment arrays sequentially). */
  sortedCandidates(): Int32Array {
    this.sorted ??= { bits: new Uint32Array((this.store.n + 31) >>> 5), out: new Int32Array(this.store.n) };
    return inPositionOrder(this.candidates(), this.sorted.bits, this.sorted.out);
  }

  /**
   * Puts the candidates in position order before reading each one's tokens or
   * filters: thousands of reads in ascending order stream from memory, the same
   * reads at random each wait for it (several times slower on large sets).
   */
  order(): void {
    if (this.size < 512) return;
    this.cand.set(this.sortedCandidates());
  }
  private sorted: { bits: Uint32Array; out: Int32Array } | null = null;

  reset(): void {
    this.size = 0;
    this.alive = this.next();
  }

  private next(): number {
    if (this.stamp > 2_000_000_000) {
      // stamps only need to differ from what the arrays hold: start over before overflow
      for (const a of [this.mark, this.groupMark]) a.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Should this word be checked on the candidates' tokens rather than by scanning its postings? */
  prefersTokens(g: Group, candidates: number): boolean {
    return g.stop || candidates * this.avgTokens * 4 < g.cost;
  }

  /**
   * Adds every allowed position holding the word to the candidates (first word of
   * an AND, or any word of a partial match); new ones start at score 0. With
   * `countWords`, each position's count of matched query words goes up once.
   */
  collect(g: Group, allow: Uint32Array | null, countWords = false): void {
    const G = this.next();
    for (const t of g.terms) {
      this.collectSlots(t.text, t.weight * FIELD_WEIGHT.text, true, allow, countWords, G);
      if (t.chapterTitle) this.collectSlots(t.chapterTitle, t.weight * FIELD_WEIGHT.chapterTitle, false, allow, countWords, G);
      if (t.documentTitle) this.collectSlots(t.documentTitle, t.weight * FIELD_WEIGHT.documentTitle, false, allow, countWords, G);
      if (t.speaker) this.collectSlots(t.speaker, t.weight * FIELD_WEIGHT.speaker, false, allow, countWords, G);
    }
  }

  private collectSlots(slots: Slots | undefined, base: number, slotted: boolean, allow: Uint32Array | null, countWords: boolean, G: number): void {
    if (!slots) return;
    const { mark, score, count, groupMark, cand } = this;
    const into = this.alive;
    let size = this.size;
    for (let slot = 0; slot < slots.length; slot++) {
      const ids = slots[slot];
      if (!ids) continue;
      const w = slotted ? base * slotWeight(slot) : base;
      if (allow === null && !countWords) {
        // the common case, kept to the fewest reads and writes per posting
        for (let k = 0; k < ids.length; k++) {
          const p = ids[k]!;
          if (mark[p] !== into) {
            mark[p] = into;
            score[p] = w;
            cand[size++] = p;
          } else score[p]! += w;
        }
        continue;
      }
      for (let k = 0; k < ids.length; k++) {
        const p = ids[k]!;
        if (mark[p] !== into) {
          if (allow !== null && ((allow[p >>> 5]! >>> (p & 31)) & 1) === 0) continue;
          mark[p] = into;
          score[p] = 0;
          count[p] = 0;
          cand[size++] = p;
        }
        score[p]! += w;
        if (countWords && groupMark[p] !== G) {
          groupMark[p] = G;
          count[p]!++;
        }
      }
    }
    this.size = size;
  }

  /** AND step by scanning the word's lists: candidates holding it get its weight, the others go. */
  intersect(g: Group): void {
    const S = this.next();
    for (const t of g.terms) {
      this.intersectSlots(t.text, t.weight * FIELD_WEIGHT.text, true, S);
      if (t.chapterTitle) this.intersectSlots(t.chapterTitle, t.weight * FIELD_WEIGHT.chapterTitle, false, S);
      if (t.documentTitle) this.intersectSlots(t.documentTitle, t.weight * FIELD_WEIGHT.documentTitle, false, S);
      if (t.speaker) this.intersectSlots(t.speaker, t.weight * FIELD_WEIGHT.speaker, false, S);
    }
    this.alive = S;
    const mark = this.mark;
    this.keep((p) => mark[p] === S);
  }

  private intersectSlots(slots: Slots | undefined, base: number, slotted: boolean, S: number): void {
    if (!slots) return;
    const { mark, score } = this;
    const alive = this.alive;
    for (let slot = 0; slot < slots.length; slot++) {
      const ids = slots[slot];
      if (!ids) continue;
      const w = slotted ? base * slotWeight(slot) : base;
      for (let k = 0; k < ids.length; k++) {
        const p = ids[k]!;
        const m = mark[p];
        if (m === alive || m === S) {
          mark[p] = S;
          score[p]! += w;
        }
      }
    }
  }

  /** Starts from the positions of a (narrow) filter, with nothing matched yet. */
  seed(bits: Uint32Array): void {
    const { mark, score, count, cand } = this;
    const S = this.alive;
    let size = 0;
    for (let i = 0; i < bits.length; i++) {
      let v = bits[i]!;
      while (v !== 0) {
        const low = v & -v;
        const p = (i << 5) + 31 - Math.clz32(low);
        v ^= low;
        mark[p] = S;
        score[p] = 0;
        count[p] = 0;
        cand[size++] = p;
      }
    }
    this.size = size;
  }

  /** Keeps, in place and in order, the candidates `test` accepts. */
  keep(test: (p: number) => boolean): void {
    const cand = this.cand;
    let out = 0;
    for (let i = 0; i < this.size; i++) {
      const p = cand[i]!;
      if (test(p)) cand[out++] = p;
    }
    this.size = out;
  }

  /** AND step by reading tokens: keeps the candidates holding the word, adding its weight. */
  filterByTokens(g: Group): void {
    this.order();
    const word = this.tokens.mark(g);
    const { score, count, tokens } = this;
    this.keep((p) => {
      const w = tokens.weight(p, word);
      if (w < 0) return false;
      score[p]! += w;
      count[p]!++;
      return true;
    });
  }

  /** Partial matches over a seeded set: adds the word's weight and counts it where it occurs; drops nothing. */
  countByTokens(g: Group): void {
    this.order();
    const word = this.tokens.mark(g);
    const { score, count, cand, tokens } = this;
    for (let i = 0; i < this.size; i++) {
      const p = cand[i]!;
      const w = tokens.weight(p, word);
      if (w < 0) continue;
      score[p]! += w;
      count[p]!++;
    }
  }

  /** Drops the candidates holding the word (an exclusion), by reading tokens or by marking its lists. */
  exclude(g: Group): void {
    if (this.prefersTokens(g, this.size)) {
      this.order();
      const word = this.tokens.mark(g);
      this.keep((p) => this.tokens.weight(p, word) < 0);
      return;
    }
    const X = this.next();
    const groupMark = this.groupMark;
    for (const t of g.terms) {
      for (const slots of [t.text, t.chapterTitle, t.documentTitle, t.speaker]) {
        if (slots) for (const ids of slots) if (ids) for (let k = 0; k < ids.length; k++) groupMark[ids[k]!] = X;
      }
    }
    this.keep((p) => groupMark[p] !== X);
  }
}
