import { eachFieldPosition } from './fields';
import { popcount } from './filters';
import type { SegmentStore } from './store';
import type { Group } from './terms';

/**
 * The positions holding every one of these words (in the text or a title or
 * name), as a bitset and a count: an AND done on bits first.
 * Matching then builds its per-candidate state (scores, counts, proximity
 * records) only where all the words meet, not at every place the rarest one
 * is, most of which the next word turns away. Both passes read postings in
 * index order and test bits small enough to stay in cache.
 */
export class Together {
  private readonly a: Uint32Array;
  private readonly b: Uint32Array;
  /** the postings each later word was met at, by term (see `met`), valid until the next `of` */
  private ks: Int32Array<ArrayBuffer> = new Int32Array(4096);
  private readonly starts = new Map<Group, number[]>();

  constructor(private readonly store: SegmentStore) {
    const words = (store.n + 31) >>> 5;
    this.a = new Uint32Array(words);
    this.b = new Uint32Array(words);
  }

  of(groups: readonly Group[]): { bits: Uint32Array; count: number } {
    let have = this.a;
    let next = this.b;
    have.fill(0);
    this.starts.clear();
    const { postStart, postSeg } = this.store.a;
    for (const t of groups[0]!.terms) {
      for (let k = postStart[t.id]!, end = postStart[t.id + 1]!; k < end; k++) {
        const p = postSeg[k]!;
        have[p >>> 5]! |= 1 << (p & 31);
      }
      eachFieldPosition(this.store, t, (p) => (have[p >>> 5]! |= 1 << (p & 31)));
    }
    let used = 0;
    for (let g = 1; g < groups.length; g++) {
      next.fill(0);
      const keep = (p: number) => {
        if (((have[p >>> 5]! >>> (p & 31)) & 1) !== 0) next[p >>> 5]! |= 1 << (p & 31);
      };
      const starts = [used];
      for (const t of groups[g]!.terms) {
        const from = postStart[t.id]!;
        const end = postStart[t.id + 1]!;
        if (used + (end - from) > this.ks.length) this.ks = grown(this.ks, used + (end - from));
        const ks = this.ks;
        for (let k = from; k < end; k++) {
          const p = postSeg[k]!;
          if (((have[p >>> 5]! >>> (p & 31)) & 1) === 0) continue;
          next[p >>> 5]! |= 1 << (p & 31);
          ks[used++] = k;
        }
        starts.push(used);
        eachFieldPosition(this.store, t, keep);
      }
      this.starts.set(groups[g]!, starts);
      [have, next] = [next, have];
    }
    return { bits: have, count: popcount(have) };
  }

  /**
   * For a later word of the last `of`: the postings of each of its terms
   * where the words before it were (term i's are ks[starts[i], starts[i + 1])),
   * a superset of those where all the words meet; null for another word.
   */
  met(g: Group): { ks: Int32Array; starts: readonly number[] } | null {
    const starts = this.starts.get(g);
    return starts ? { ks: this.ks, starts } : null;
  }
}

function grown(a: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(a.length * 2, atLeast));
  b.set(a);
  return b;
}
