import { FIELD_TF, FIELD_WEIGHT } from './score';
import { ENTRY_CHAPTER, ENTRY_DOCUMENT, type SegmentStore } from './store';
import { QUALITY, type Group, type PhraseIds } from './terms';

// module constants: imported bindings are accessor calls in compiled modules (see rank.ts), and these are read per candidate
const STEM = QUALITY.stem;
const OPENS_CHAPTER = ENTRY_CHAPTER;
const OPENS_DOCUMENT = ENTRY_DOCUMENT;
const CHAPTER_TITLE_W = FIELD_WEIGHT.chapterTitle;
const DOCUMENT_TITLE_W = FIELD_WEIGHT.documentTitle;
const SPEAKER_W = FIELD_WEIGHT.speaker;
const FIELD_TF_OF = FIELD_TF;

/**
 * Questions answered from one candidate's tokens (the forward side of the
 * index): does it hold one of a word's terms, how well and with what weight (the
 * same the inverted index would give), and does it hold a phrase.
 */
export class TokenReader {
  private stamp = 0;
  private readonly termMark: Int32Array;
  private readonly termQuality: Uint8Array;
  private readonly termIdf: Float32Array;
  private readonly seen: Int32Array;
  private readonly tf: Uint16Array;
  private readonly touched: number[] = [];
  /** results of the last `match`: in the text (best quality, occurrences of all forms), and in a title or name (-1 = not found) */
  textQuality = -1;
  textTf = 0;
  fieldQuality = -1;
  fieldWeight = 0;

  constructor(
    readonly store: SegmentStore,
    private readonly norms: Float32Array,
  ) {
    const V = store.vocab.size;
    this.termMark = new Int32Array(V);
    this.termQuality = new Uint8Array(V);
    this.termIdf = new Float32Array(V);
    this.seen = new Int32Array(V);
    this.tf = new Uint16Array(V);
  }

  private next(): number {
    if (this.stamp > 2_000_000_000) {
      this.termMark.fill(0);
      this.seen.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Prepares a word for `match`; returns its mark. */
  mark(g: Group): number {
    const T = this.next();
    for (const t of g.terms) {
      this.termMark[t.id] = T;
      this.termQuality[t.id] = t.quality;
      this.termIdf[t.id] = t.idf;
    }
    return T;
  }

  /** Does segment p hold the marked word, in its text or in a title or name it carries? Fills the result fields. */
  match(p: number, T: number): boolean {
    const { store, termMark, seen, tf, touched } = this;
    const a = store.a;
    const toks = a.tokens;
    const end = a.tokOffsets[p + 1]!;
    const U = this.next();
    touched.length = 0;
    for (let i = a.tokOffsets[p]!; i < end; i++) {
      const id = toks[i]!;
      if (termMark[id] !== T) continue;
      if (seen[id] !== U) {
        seen[id] = U;
        tf[id] = 0;
        touched.push(id);
      }
      tf[id]!++;
    }
    this.textQuality = -1;
    this.textTf = 0;
    for (const id of touched) {
      const q = this.termQuality[id]!;
      this.textTf += tf[id]! * (q <= STEM ? 1 : 0.5);
      if (this.textQuality < 0 || q < this.textQuality) this.textQuality = q;
    }
    this.fieldQuality = -1;
    this.fieldWeight = 0;
    const flags = a.flags[p]!;
    if (flags & OPENS_CHAPTER) this.field(store.chapterTokens[a.chapter[p]!], T, CHAPTER_TITLE_W);
    if (flags & OPENS_DOCUMENT) this.field(store.docTokens[a.doc[p]!], T, DOCUMENT_TITLE_W);
    if (a.speaker[p]! >= 0) this.field(store.speakerTokens[a.speaker[p]!], T, SPEAKER_W);
    return this.textQuality >= 0 || this.fieldQuality >= 0;
  }

  private field(ids: Uint32Array | undefined, T: number, fieldWeight: number): void {
    if (!ids) return;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (this.termMark[id] !== T) continue;
      const q = this.termQuality[id]!;
      if (this.fieldQuality < 0 || q < this.fieldQuality) this.fieldQuality = q;
      this.fieldWeight = Math.max(this.fieldWeight, this.termIdf[id]! * fieldWeight * FIELD_TF_OF);
    }
  }

  /** Does the phrase occur, in order, in the text or in a title or name the segment carries? */
  hasPhrase(p: number, ph: PhraseIds): boolean {
    const store = this.store;
    const a = store.a;
    return (mayHavePairs(a.pairBloom, a.bloomOffsets, p, ph.pairHashes) && inOrder(a.tokens, a.tokOffsets[p]!, a.tokOffsets[p + 1]!, ph)) || this.inFields(p, ph);
  }

  /** Does a title or name segment p carries hold the phrase? */
  inFields(p: number, ph: PhraseIds): boolean {
    const store = this.store;
    const a = store.a;
    const flags = a.flags[p]!;
    if (flags & OPENS_CHAPTER && inAll(store.chapterTokens[a.chapter[p]!], ph)) return true;
    if (flags & OPENS_DOCUMENT && inAll(store.docTokens[a.doc[p]!], ph)) return true;
    const s = a.speaker[p]!;
    if (s < 0) return false;
    // a speaker's name is read once per phrase, not once per passage they speak
    const named = (ph.inSpeakerName ??= new Int8Array(store.speakerTokens.length).fill(-1));
    if (named[s] === -1) named[s] = inAll(store.speakerTokens[s], ph) ? 1 : 0;
    return named[s] === 1;
  }
}

/** Are all the phrase's word pairs set in the segment's pair filter? (false: the text cannot have the phrase) */
function mayHavePairs(bloom: Uint32Array, offsets: Uint32Array, p: number, hashes: Uint32Array): boolean {
  const at = offsets[p]!;
  const bits = (offsets[p + 1]! - at) * 32;
  for (let i = 0; i < hashes.length; i++) {
    const bit = hashes[i]! % bits;
    if ((bloom[at + (bit >>> 5)]! & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

/** Does a title's or name's tokens hold the phrase? */
export function inAll(toks: Uint32Array | undefined, ph: PhraseIds): boolean {
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
