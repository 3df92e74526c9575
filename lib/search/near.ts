import type { SegmentStore } from './store';
import type { PhraseIds } from './terms';
import { ENTRY_CHAPTER } from './store';
import { inAll } from './tokens';

const OPENS_CHAPTER = ENTRY_CHAPTER;

/** No token there: the segment starts or ends. */
export const NO_NEIGHBOUR = 0xffffffff;

/** A token id in 8 bits, for postNear: a false match only means reading that segment's tokens. */
export function nearHash(id: number): number {
  return Math.imul(id, 0x9e3779b1) >>> 24;
}

/**
 * Checks a phrase on the postings of one of its words (the rarest with a
 * single id): a segment whose text holds the phrase has that word with the
 * phrase's neighbours on either side, and postNear tells that in posting
 * order, without reading the segment's tokens (a random read each, on
 * thousands of segments for a phrase like "get the"). The segments that pass,
 * and those carrying a title or name that holds the phrase, are where the
 * search starts (Matcher.phraseStart); their tokens are then read to be sure.
 */
export class PhraseNeighbours {
  private readonly from: number;
  private readonly end: number;
  private readonly titled: { chapters: number[]; docs: number[]; speakers: number[] };

  private constructor(
    private readonly store: SegmentStore,
    id: number,
    private readonly prev: number,
    private readonly next: number,
    ph: PhraseIds,
  ) {
    this.from = store.a.postStart[id]!;
    this.end = store.a.postStart[id + 1]!;
    this.titled = this.holding(id, ph);
  }

  /** null when the index has no neighbours, or no word of the phrase has one fixed neighbour */
  static of(store: SegmentStore, ph: PhraseIds): PhraseNeighbours | null {
    if (store.a.postNear.length !== store.a.postPos.length) return null;
    const single = ph.lastRange[1] - ph.lastRange[0] === 1;
    const idAt = (j: number) => (j < ph.ids.length ? ph.ids[j]! : single ? ph.lastRange[0] : -1);
    let best: [number, number, number] | null = null;
    let bestDf = Infinity;
    for (let j = 0; j < ph.words.length; j++) {
      const id = idAt(j);
      if (id < 0 || store.isStop[id]) continue;
      const prev = j > 0 ? idAt(j - 1) : -1;
      const next = j + 1 < ph.words.length ? idAt(j + 1) : -1;
      if ((prev < 0 && next < 0) || store.df(id) >= bestDf) continue;
      bestDf = store.df(id);
      best = [id, prev < 0 ? -1 : nearHash(prev), next < 0 ? -1 : nearHash(next)];
    }
    return best && new PhraseNeighbours(store, best[0], best[1], best[2], ph);
  }

  /** how many postings the check walks */
  get size(): number {
    return this.end - this.from;
  }

  /** The chapters, documents and speakers whose title or name holds the phrase (read through those holding the word). */
  private holding(id: number, ph: PhraseIds): { chapters: number[]; docs: number[]; speakers: number[] } {
    const s = this.store;
    const which = (owners: SegmentStore['chapterOwners'], tokens: readonly (Uint32Array | undefined)[]) => {
      const out: number[] = [];
      for (let k = owners.start[id]!; k < owners.start[id + 1]!; k++) if (inAll(tokens[owners.list[k]!], ph)) out.push(owners.list[k]!);
      return out;
    };
    return { chapters: which(s.chapterOwners, s.chapterTokens), docs: which(s.docOwners, s.docTokens), speakers: which(s.speakerOwners, s.speakerTokens) };
  }

  /** Sets the segments carrying a title or name that holds the phrase: each opening of such a chapter or document, each turn of such a speaker. */
  private fillTitled(set: (p: number) => void): void {
    const { a, docStart, docFirst, chapterFirst, speakerPositions } = this.store;
    for (const c of this.titled.chapters) {
      const at = chapterFirst[c]!;
      if (at < 0) continue;
      // a chapter may open more than once (its turns interleaved with another's): every opening carries its title
      const d = a.doc[at]!;
      for (let p = docStart[d]!; p < docStart[d + 1]!; p++) if (a.flags[p]! & OPENS_CHAPTER && a.chapter[p] === c) set(p);
    }
    for (const d of this.titled.docs) if (docFirst[d]! >= 0) set(docFirst[d]!);
    for (const sp of this.titled.speakers) for (let k = speakerPositions.start[sp]!; k < speakerPositions.start[sp + 1]!; k++) set(speakerPositions.list[k]!);
  }

  /**
   * Sets in `bits` (all clear) the positions that may hold the phrase (in
   * their text, or a title or name they carry), within `filter` if given;
   * returns how many.
   */
  fill(bits: Uint32Array, filter: Uint32Array | null): number {
    const { postSeg, postPosStart, postNear } = this.store.a;
    const { prev, next } = this;
    let count = 0;
    for (let k = this.from; k < this.end; k++) {
      const p = postSeg[k]!;
      const w = p >>> 5;
      const b = 1 << (p & 31);
      if (filter !== null && (filter[w]! & b) === 0) continue;
      for (let o = postPosStart[k]!, to = postPosStart[k + 1]!; o < to; o++) {
        const v = postNear[o]!;
        if ((prev < 0 || v >>> 8 === prev) && (next < 0 || (v & 255) === next)) {
          bits[w]! |= b;
          count++;
          break;
        }
      }
    }
    this.fillTitled((p) => {
      const w = p >>> 5;
      const b = 1 << (p & 31);
      if ((filter === null || (filter[w]! & b) !== 0) && (bits[w]! & b) === 0) {
        bits[w]! |= b;
        count++;
      }
    });
    return count;
  }

}

/**
 * The positions whose text may hold a phrase of the query (by the rarest
 * phrase word's neighbours) and those carrying a title or name that holds it,
 * within the filter, set in `bits`: a narrower start than any word's postings.
 * Null when no phrase can be placed that way.
 */
export function phraseStart(store: SegmentStore, phrases: readonly PhraseIds[], filter: Uint32Array | null, bits: Uint32Array): { bits: Uint32Array; count: number } | null {
  let best: PhraseNeighbours | null = null;
  for (const ph of phrases) {
    const near = PhraseNeighbours.of(store, ph);
    if (near && (!best || near.size < best.size)) best = near;
  }
  if (!best) return null;
  bits.fill(0);
  return { bits, count: best.fill(bits, filter) };
}
