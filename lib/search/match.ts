import { FIELD_WEIGHT, slotFor, slotWeight } from './score';
import { ENTRY_CHAPTER, ENTRY_DOCUMENT, type SegmentStore } from './store';
import type { Group, PhraseIds } from './terms';

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
  private readonly termMark: Int32Array;
  private readonly termWeight: Float32Array;
  private readonly seen: Int32Array;
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
    this.termMark = new Int32Array(store.vocab.size);
    this.termWeight = new Float32Array(store.vocab.size);
    this.seen = new Int32Array(store.vocab.size);
    this.avgTokens = n > 0 ? store.a.tokens.length / n : 1;
    this.cand = new Int32Array(n);
  }

  /** The current candidates (a view: valid until the next search). */
  candidates(): Int32Array {
    return this.cand.subarray(0, this.size);
  }

  reset(): void {
    this.size = 0;
    this.alive = this.next();
  }

  private next(): number {
    if (this.stamp > 2_000_000_000) {
      // stamps only need to differ from what the arrays hold: start over before overflow
      for (const a of [this.mark, this.groupMark, this.termMark, this.seen]) a.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Should this word be checked on the candidates' tokens rather than by scanning its postings? */
  prefersTokens(g: Group, candidates: number): boolean {
    return g.stop || candidates * this.avgTokens * 1.5 < g.cost;
  }

  /**
   * Adds every allowed position holding the word to the candidates (first word of
   * an AND, or any word of a partial match); new ones start at score 0. With
   * `countWords`, each position's count of matched query words goes up once.
   */
  collect(g: Group, allow: Uint32Array | null, countWords = false): void {
    const { mark, score, count, groupMark, cand } = this;
    const into = this.alive;
    const G = this.next();
    let size = this.size;
    for (const t of g.terms) {
      for (const list of t.lists) {
        const ids = list.ids;
        const w = list.weight;
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
    }
    this.size = size;
  }

  /** AND step by scanning the word's lists: candidates holding it get its weight, the others go. */
  intersect(g: Group): void {
    const { mark, score } = this;
    const alive = this.alive;
    const S = this.next();
    for (const t of g.terms) {
      for (const list of t.lists) {
        const ids = list.ids;
        const w = list.weight;
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
    this.alive = S;
    this.keep((p) => mark[p] === S);
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
    const T = this.markTerms(g);
    const { score, count } = this;
    this.keep((p) => {
      const w = this.tokenWeight(p, T);
      if (w < 0) return false;
      score[p]! += w;
      count[p]!++;
      return true;
    });
  }

  /** Drops the candidates holding the word (an exclusion), by reading tokens or by marking its lists. */
  exclude(g: Group): void {
    if (this.prefersTokens(g, this.size)) {
      const T = this.markTerms(g);
      this.keep((p) => this.tokenWeight(p, T) < 0);
      return;
    }
    const X = this.next();
    const groupMark = this.groupMark;
    for (const t of g.terms) for (const l of t.lists) for (let k = 0; k < l.ids.length; k++) groupMark[l.ids[k]!] = X;
    this.keep((p) => groupMark[p] !== X);
  }

  private markTerms(g: Group): number {
    const T = this.next();
    for (const t of g.terms) {
      this.termMark[t.id] = T;
      this.termWeight[t.id] = t.weight;
    }
    return T;
  }

  /** Weight of the marked terms in a segment's fields, or -1 when none occurs. */
  private tokenWeight(p: number, T: number): number {
    const { store, termMark, termWeight, seen } = this;
    const { a, meta } = store;
    let found = false;
    let total = 0;
    const toks = a.tokens;
    const end = a.tokOffsets[p + 1]!;
    const U = this.next();
    for (let i = a.tokOffsets[p]!; i < end; i++) {
      const id = toks[i]!;
      if (termMark[id] !== T || seen[id] === U) continue;
      seen[id] = U;
      found = true;
      let tf = 0;
      for (let j = i; j < end; j++) if (toks[j] === id) tf++;
      total += FIELD_WEIGHT.text * termWeight[id]! * slotWeight(slotFor(tf, a.len[p]!, meta.avgLen));
    }
    const flags = a.flags[p]!;
    const add = (ids: readonly number[] | undefined, fieldWeight: number) => {
      if (!ids) return;
      const V = this.next();
      for (const id of ids) {
        if (termMark[id] !== T || seen[id] === V) continue;
        seen[id] = V;
        found = true;
        total += fieldWeight * termWeight[id]!;
      }
    };
    if (flags & ENTRY_CHAPTER) add(meta.chapterTitles[a.chapter[p]!], FIELD_WEIGHT.chapterTitle);
    if (flags & ENTRY_DOCUMENT) add(meta.docs[a.doc[p]!]?.title, FIELD_WEIGHT.documentTitle);
    if (a.speaker[p]! >= 0) add(meta.speakerNames[a.speaker[p]!], FIELD_WEIGHT.speaker);
    return found ? total : -1;
  }

  /** Does the phrase occur, in order, in one field of the segment? */
  hasPhrase(p: number, ph: PhraseIds): boolean {
    const store = this.store;
    const a = store.a;
    if (inOrder(a.tokens, a.tokOffsets[p]!, a.tokOffsets[p + 1]!, ph)) return true;
    const flags = a.flags[p]!;
    if (flags & ENTRY_CHAPTER && inAll(store.chapterTokens[a.chapter[p]!], ph)) return true;
    if (flags & ENTRY_DOCUMENT && inAll(store.docTokens[a.doc[p]!], ph)) return true;
    return a.speaker[p]! >= 0 && inAll(store.speakerTokens[a.speaker[p]!], ph);
  }
}

function inAll(toks: Uint32Array | undefined, ph: PhraseIds): boolean {
  return toks !== undefined && inOrder(toks, 0, toks.length, ph);
}

/**
 * Is the phrase in toks[from, to)? The last phrase word may be any word in its
 * prefix range. (Typed array only: one element kind keeps this loop monomorphic,
 * which matters at millions of tokens per query.)
 */
function inOrder(toks: Uint32Array, from: number, to: number, ph: PhraseIds): boolean {
  const ids = ph.ids;
  const n = ids.length;
  const lo = ph.lastRange[0];
  const hi = ph.lastRange[1];
  if (n === 0) {
    for (let i = from; i < to; i++) if (toks[i]! >= lo && toks[i]! < hi) return true;
    return false;
  }
  const first = ids[0]!;
  outer: for (let i = from; i + n < to; i++) {
    if (toks[i] !== first) continue;
    for (let j = 1; j < n; j++) if (toks[i + j] !== ids[j]) continue outer;
    const last = toks[i + n]!;
    if (last >= lo && last < hi) return true;
  }
  return false;
}
