import { inPositionOrder } from './facets';
import { BM25_K1, type SegmentStore } from './store';
import { QUALITY } from './terms';

// copied once: imported bindings are accessor calls in compiled modules (see match.ts)
const Q_WHOLE = QUALITY.whole;
const Q_TYPO = QUALITY.typo;
export const K1_PLUS_1 = BM25_K1 + 1;

/** One more query word in a position's packed counts (see Candidates.counts). */
export const WORD = 1;
export const TEXT = 1 << 4;
export const WHOLE = 1 << 8;
export const TYPO = 1 << 12;
export const wordsOf = (c: number) => c & 15;
export const textWordsOf = (c: number) => (c >>> 4) & 15;
export const wholeOf = (c: number) => (c >>> 8) & 15;
export const typosOf = (c: number) => (c >>> 12) & 15;

/**
 * The current candidates of a search: positions in a reusable buffer (every
 * step keeps a subset in place) with what each has matched so far, and
 * "stamps" instead of clearing: an entry belongs to the current step when it
 * holds the step's number.
 */
export class Candidates {
  private stamp = 0;
  protected readonly mark: Int32Array;
  /** the query word a position last matched in its text, and in a title or name (a word counts once when first seen in either) */
  protected readonly textMark: Int32Array;
  protected readonly fieldMark: Int32Array;
  /** the current word's occurrences in a position's text (all its forms, a prefix or typo form counting half) */
  protected readonly textTf: Float32Array;
  /** the best weight of the current word in a title or name at a position */
  protected readonly fieldBest: Float32Array;
  /** BM25 so far */
  readonly score: Float32Array;
  /**
   * Per position, four counts of query words packed in one number (one write
   * per update): matched anywhere (bits 0–3), in the text (4–7), whole rather
   * than only as a prefix (8–11), only through a typo (12–15).
   */
  readonly counts: Uint32Array;
  protected readonly cand: Int32Array;
  size = 0;
  /** whether the candidates are in position order (every step but a second form's or word's postings keeps them so) */
  protected ordered = true;
  /** the mark the current candidates carry */
  protected alive = 0;

  constructor(readonly store: SegmentStore) {
    const n = store.n;
    this.mark = new Int32Array(n);
    this.textMark = new Int32Array(n);
    this.fieldMark = new Int32Array(n);
    this.textTf = new Float32Array(n);
    this.fieldBest = new Float32Array(n);
    this.score = new Float32Array(n);
    this.counts = new Uint32Array(n);
    this.cand = new Int32Array(n);
  }

  /** The current candidates (a view: valid until the next search). */
  candidates(): Int32Array {
    return this.cand.subarray(0, this.size);
  }

  /** The candidates in position order (facets and groups then read per-segment arrays sequentially; groups need it). */
  sortedCandidates(): Int32Array {
    this.order(true);
    return this.candidates();
  }

  /**
   * Puts the candidates in position order before reading each one's tokens:
   * thousands of reads in ascending order stream from memory, the same reads
   * at random each wait for it (several times slower on large sets). Small
   * sets are left as they are unless `always`.
   */
  order(always = false): void {
    if (this.ordered || (!always && this.size < 512)) return;
    const { cand, size } = this;
    let m = 1;
    while (m < size && cand[m - 1]! < cand[m]!) m++;
    if (size - m <= size >>> 4) {
      // a short tail out of order (the few places a title or name adds): sort it, and merge it in from the back
      const tail = cand.slice(m, size).sort();
      let i = m - 1;
      let j = tail.length - 1;
      for (let w = size - 1; j >= 0; w--) cand[w] = i >= 0 && cand[i]! > tail[j]! ? cand[i--]! : tail[j--]!;
    } else {
      this.sorted ??= { bits: new Uint32Array((this.store.n + 31) >>> 5), out: new Int32Array(this.store.n) };
      cand.set(inPositionOrder(this.candidates(), this.sorted.bits, this.sorted.out));
    }
    this.ordered = true;
  }
  private sorted: { bits: Uint32Array; out: Int32Array } | null = null;

  reset(): void {
    this.size = 0;
    this.ordered = true;
    this.alive = this.next();
  }

  protected next(): number {
    if (this.stamp > 2_000_000_000) {
      // stamps only need to differ from what the arrays hold: start over before overflow
      for (const a of [this.mark, this.textMark, this.fieldMark]) a.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** A new candidate, with nothing matched yet. */
  protected admit(p: number): void {
    if (this.size > 0 && this.cand[this.size - 1]! > p) this.ordered = false;
    this.mark[p] = this.alive;
    this.score[p] = 0;
    this.counts[p] = 0;
    this.cand[this.size++] = p;
  }

  /**
   * Records that position p holds query word G through a term of this quality.
   * The first time per word counts the word (terms come best first, so that is
   * its best quality). In the text, `amount` is occurrences, added up over the
   * word's forms and turned into BM25 once the word is done (`finishWord`),
   * as a search engine scores synonyms; in a title or name it is a weight,
   * and the best one counts.
   */
  protected credit(p: number, G: number, quality: number, amount: number, inText: boolean): void {
    const { textMark, fieldMark } = this;
    if (textMark[p] !== G && fieldMark[p] !== G) this.counts[p]! += WORD + (quality === Q_WHOLE ? WHOLE : quality === Q_TYPO ? TYPO : 0);
    if (inText) {
      if (textMark[p] !== G) {
        textMark[p] = G;
        this.textTf[p] = amount;
        this.counts[p]! += TEXT;
      } else this.textTf[p]! += amount;
      return;
    }
    if (fieldMark[p] !== G) {
      fieldMark[p] = G;
      this.fieldBest[p] = amount;
      this.score[p]! += amount;
    } else if (amount > this.fieldBest[p]!) {
      this.score[p]! += amount - this.fieldBest[p]!;
      this.fieldBest[p] = amount;
    }
  }

  /** Turns the word's occurrences in each candidate's text into its BM25 weight there. */
  protected finishWord(G: number, idf: number, norm: Float32Array): void {
    const { cand, textMark, textTf, score } = this;
    for (let i = 0; i < this.size; i++) {
      const p = cand[i]!;
      if (textMark[p] !== G) continue;
      const tf = textTf[p]!;
      score[p]! += (idf * tf * K1_PLUS_1) / (tf + norm[p]!);
    }
  }

  /** Starts from the positions of a (narrow) filter, with nothing matched yet. */
  seed(bits: Uint32Array): void {
    for (let i = 0; i < bits.length; i++) {
      let v = bits[i]!;
      while (v !== 0) {
        const low = v & -v;
        this.admit((i << 5) + 31 - Math.clz32(low));
        v ^= low;
      }
    }
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
}
