/**
 * The best `k` positions by a key (higher first, then earlier position), kept
 * as a bounded heap whose root is the worst kept: most positions lose to it,
 * which `beats` decides before anything moves.
 */
export class TopHeap {
  private heap: Int32Array;
  private size = 0;
  private cap = 0;
  /** the worst kept position and its key, once the heap is full */
  root = -1;
  rootKey = -Infinity;

  constructor(private readonly key: Float64Array) {
    this.heap = new Int32Array(64);
  }

  reset(k: number): void {
    if (this.heap.length < k) this.heap = new Int32Array(k);
    this.cap = k;
    this.size = 0;
    // nothing to keep: everything loses to the root
    this.root = -1;
    this.rootKey = k === 0 ? Infinity : -Infinity;
  }

  /** Offers p (its key already written); hot loops first skip what loses to `rootKey`/`root` themselves. */
  push(p: number): void {
    const { heap, key } = this;
    const kp = key[p]!;
    if (this.cap === 0) return;
    if (this.size === this.cap) {
      if (kp < this.rootKey || (kp === this.rootKey && p > this.root)) return;
      let j = 0;
      const size = this.size;
      for (;;) {
        const l = 2 * j + 1;
        if (l >= size) break;
        const r = l + 1;
        let c = l;
        if (r < size) {
          const kl = key[heap[l]!]!;
          const kr = key[heap[r]!]!;
          if (kr < kl || (kr === kl && heap[r]! > heap[l]!)) c = r;
        }
        const q = heap[c]!;
        const kq = key[q]!;
        if (!(kq < kp || (kq === kp && q > p))) break;
        heap[j] = q;
        j = c;
      }
      heap[j] = p;
    } else {
      let j = this.size++;
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
    if (this.size === this.cap) {
      this.root = heap[0]!;
      this.rootKey = key[this.root]!;
    }
  }

  /** The kept positions, best first. */
  sorted(): Int32Array {
    const { key } = this;
    return this.heap.slice(0, this.size).sort((a, b) => key[b]! - key[a]! || a - b);
  }
}

/** The best `k` positions of `list`, best first, without sorting them all. */
export function topPositions(list: ArrayLike<number>, k: number, key: Float64Array): Int32Array {
  const heap = new TopHeap(key);
  heap.reset(Math.min(k, list.length));
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    const kp = key[p]!;
    if (kp < heap.rootKey || (kp === heap.rootKey && p > heap.root)) continue;
    heap.push(p);
  }
  return heap.sorted();
}
