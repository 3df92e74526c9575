/** Proximity is measured between at most this many typed words; later ones count for matching only. */
export const MAX_MEASURED_WORDS = 8;

/**
 * Which postings each candidate matched, per typed query word, recorded while
 * the postings are scanned anyway: proximity then reads the word positions of
 * those postings (a handful per candidate) instead of the candidate's whole
 * text. A word applied by reading candidates' tokens has no record; proximity
 * then reads the tokens (those candidates are few, or the word would have been
 * scanned).
 */
export class Chains {
  private heads: Int32Array[] = [];
  private stamps: Int32Array[] = [];
  private post: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private next: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private nodes = 0;
  private query = 0;
  /** per word slot: recorded for every candidate */
  readonly complete: boolean[] = [];
  slots = 0;

  constructor(private readonly n: number) {}

  /** A new query measuring `slots` words (0: nothing to record). */
  start(slots: number): void {
    if (this.query > 2_000_000_000) {
      for (const s of this.stamps) s.fill(0);
      this.query = 0;
    }
    this.query++;
    this.nodes = 0;
    this.slots = Math.min(slots, MAX_MEASURED_WORDS);
    while (this.heads.length < this.slots) {
      this.heads.push(new Int32Array(this.n));
      this.stamps.push(new Int32Array(this.n));
    }
    this.complete.length = 0;
    for (let s = 0; s < this.slots; s++) this.complete.push(true);
  }

  /** Candidate p holds posting k of the word in `slot`. */
  add(slot: number, p: number, k: number): void {
    if (this.nodes === this.post.length) {
      this.post = grow(this.post);
      this.next = grow(this.next);
    }
    const node = this.nodes++;
    const stamps = this.stamps[slot]!;
    const heads = this.heads[slot]!;
    this.post[node] = k;
    this.next[node] = stamps[p] === this.query ? heads[p]! : -1;
    heads[p] = node;
    stamps[p] = this.query;
  }

  /** The first recorded node of p for the word in `slot`, or -1. */
  first(slot: number, p: number): number {
    return this.stamps[slot]![p] === this.query ? this.heads[slot]![p]! : -1;
  }

  postingOf(node: number): number {
    return this.post[node]!;
  }

  nextOf(node: number): number {
    return this.next[node]!;
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
