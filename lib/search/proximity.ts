import type { Chains } from './chains';
import type { SegmentStore } from './store';
import type { Group, PhraseIds } from './terms';
import type { TokenReader } from './tokens';

/** A pair of words this many words apart or closer counts as near (in order or not). */
export const NEAR = 4;
/** Costs are capped here: farther is simply far, as in Meilisearch. */
const FAR = 8;
/** Occurrences of one word read per segment (a word said 200 times is near the other somewhere among its first 64). */
const MAX_OCCURRENCES = 64;

export const PROXIMITY = { adjacent: 0, near: 1, apart: 2, elsewhere: 3 } as const;

/** What the ranking asks of proximity: the bucket of one match. */
export interface ProximityOf {
  of(p: number): number;
}

/**
 * How close together the query's typed words stand in a segment's text,
 * measured between neighbours in the query (word 1 and 2, 2 and 3, …) over the
 * text without stopwords, so "get out of the PIP" has "out" next to "pip".
 * A pair in the query's order n words apart costs n; in the other order n + 1
 * (Meilisearch's proximity rule). The bucket is `adjacent` when every pair
 * costs 1 (the words read as typed), `near` when every pair is within NEAR,
 * `apart` otherwise, and `elsewhere` when a word is only in a title or name.
 *
 * Word positions come from the postings the matcher recorded (Chains), or for
 * a word it applied by reading tokens, from the segment's tokens.
 */
export class Proximity implements ProximityOf {
  private stamp = 0;
  private readonly termMark: Int32Array;
  private readonly termSlot: Uint8Array;
  private readonly pos: Int32Array[] = [];
  private readonly count = new Int32Array(32);
  private slots = 0;
  private scanTokens = false;

  constructor(
    private readonly store: SegmentStore,
    private readonly chains: Chains,
  ) {
    this.termMark = new Int32Array(store.vocab.size);
    this.termSlot = new Uint8Array(store.vocab.size);
  }

  /** After matching: the measured words (the matcher's slots); false when there is nothing to measure (one word). */
  prepare(measured: readonly Group[]): boolean {
    this.slots = Math.min(measured.length, this.chains.slots);
    if (this.slots < 2) return false;
    this.scanTokens = this.chains.complete.slice(0, this.slots).some((c) => !c);
    if (this.stamp > 2_000_000_000) {
      this.termMark.fill(0);
      this.stamp = 0;
    }
    const T = ++this.stamp;
    // a term standing for two query words (a prefix of both) counts for the first
    for (let s = this.slots - 1; s >= 0; s--) {
      for (const t of measured[s]!.terms) {
        this.termMark[t.id] = T;
        this.termSlot[t.id] = s;
      }
    }
    while (this.pos.length < this.slots) this.pos.push(new Int32Array(MAX_OCCURRENCES));
    return true;
  }

  /** The bucket of segment p (after `prepare`). */
  of(p: number): number {
    if (this.scanTokens) this.fromTokens(p);
    else this.fromChains(p);
    const { pos, count, slots } = this;
    let worst = 0;
    for (let s = 0; s + 1 < slots; s++) {
      const a = pos[s]!;
      const b = pos[s + 1]!;
      const na = count[s]!;
      const nb = count[s + 1]!;
      if (na === 0 || nb === 0) return PROXIMITY.elsewhere;
      let best = FAR;
      for (let i = 0; i < na && best > 1; i++) {
        for (let j = 0; j < nb; j++) {
          const d = b[j]! - a[i]!;
          const c = d > 0 ? d : 1 - d;
          if (c < best) best = c;
        }
      }
      if (best > worst) worst = best;
    }
    if (worst === 1) return PROXIMITY.adjacent;
    return worst <= NEAR ? PROXIMITY.near : PROXIMITY.apart;
  }

  private fromChains(p: number): void {
    const { chains, pos, count } = this;
    const { postPosStart, postPos } = this.store.a;
    for (let s = 0; s < this.slots; s++) {
      const into = pos[s]!;
      let n = 0;
      for (let node = chains.first(s, p); node >= 0 && n < MAX_OCCURRENCES; node = chains.nextOf(node)) {
        const k = chains.postingOf(node);
        for (let i = postPosStart[k]!, end = postPosStart[k + 1]!; i < end && n < MAX_OCCURRENCES; i++) into[n++] = postPos[i]!;
      }
      count[s] = n;
    }
  }

  private fromTokens(p: number): void {
    const { termMark, termSlot, pos, count } = this;
    const T = this.stamp;
    const a = this.store.a;
    const isStop = this.store.isStop;
    count.fill(0);
    let o = 0;
    for (let i = a.tokOffsets[p]!, end = a.tokOffsets[p + 1]!; i < end; i++) {
      const id = a.tokens[i]!;
      if (isStop[id] === 1) continue;
      o++;
      if (termMark[id] !== T) continue;
      const s = termSlot[id]!;
      if (count[s]! < MAX_OCCURRENCES) pos[s]![count[s]!++] = o;
    }
  }
}

/**
 * Proximity for a query with one content word among stopwords ("I quit"):
 * a passage that says the typed words in order is adjacent, any other apart.
 * The pair filter turns most passages away before their tokens are read.
 */
export class SaidAsTyped implements ProximityOf {
  private phrase: PhraseIds | null = null;

  constructor(private readonly tokens: TokenReader) {}

  prepare(phrase: PhraseIds): this {
    this.phrase = phrase;
    return this;
  }

  of(p: number): number {
    return this.tokens.hasPhrase(p, this.phrase!) ? PROXIMITY.adjacent : PROXIMITY.apart;
  }
}
