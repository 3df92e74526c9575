import { inPositionOrder } from './rank';
import type { SegmentStore } from './store';

/**
 * The current candidates of a search: positions in a reusable buffer (every
 * step keeps a subset in place), with per-position scores and "stamps" instead
 * of clearing — an entry belongs to the current step when it holds the step's
 * number.
 */
export class Candidates {
  private stamp = 0;
  protected readonly mark: Int32Array;
  protected readonly groupMark: Int32Array;
  readonly score: Float32Array;
  /** query words matched, for partial (fallback) matches */
  readonly count: Uint8Array;
  protected readonly cand: Int32Array;
  size = 0;
  /** the mark the current candidates carry, when a scan set it */
  protected alive = 0;

  constructor(readonly store: SegmentStore) {
    const n = store.n;
    this.mark = new Int32Array(n);
    this.groupMark = new Int32Array(n);
    this.score = new Float32Array(n);
    this.count = new Uint8Array(n);
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

  protected next(): number {
    if (this.stamp > 2_000_000_000) {
      // stamps only need to differ from what the arrays hold: start over before overflow
      for (const a of [this.mark, this.groupMark]) a.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
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

}
