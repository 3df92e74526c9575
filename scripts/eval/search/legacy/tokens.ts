import { FIELD_WEIGHT, slotFor, slotWeight } from './score';
import { ENTRY_CHAPTER, ENTRY_DOCUMENT, FIELD_CHAPTER, FIELD_DOCUMENT, FIELD_SPEAKER, type SegmentStore } from './store';
import type { Group, PhraseIds } from './terms';

// Imported bindings are read through accessor functions once modules are
// compiled to CommonJS (tsx) or bundled: in the per-token loops below that cost
// more than the work itself, so they are copied into module constants once.
const FW = FIELD_WEIGHT;
const slotWeightOf = slotWeight;
const slotOf = slotFor;
const IN_CHAPTER = FIELD_CHAPTER;
const IN_DOCUMENT = FIELD_DOCUMENT;
const IN_SPEAKER = FIELD_SPEAKER;
const OPENS_CHAPTER = ENTRY_CHAPTER;
const OPENS_DOCUMENT = ENTRY_DOCUMENT;

/**
 * Questions answered from one candidate's tokens (the forward side of the
 * index): does it hold one of a word's terms, and with what weight — the same
 * weight the word's FlexSearch lists would give it — and does it hold a phrase.
 */
export class TokenReader {
  private stamp = 0;
  private readonly termMark: Int32Array;
  private readonly termWeight: Float32Array;
  private readonly seen: Int32Array;

  constructor(readonly store: SegmentStore) {
    this.termMark = new Int32Array(store.vocab.size);
    this.termWeight = new Float32Array(store.vocab.size);
    this.seen = new Int32Array(store.vocab.size);
  }

  private next(): number {
    if (this.stamp > 2_000_000_000) {
      for (const a of [this.termMark, this.seen]) a.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Prepares a word for `weight`: returns its mark. */
  mark(g: Group): { T: number; fields: number } {
    const T = this.next();
    let fields = 0;
    for (const t of g.terms) {
      this.termMark[t.id] = T;
      this.termWeight[t.id] = t.weight;
      fields |= this.store.fieldsOf[t.id]!;
    }
    return { T, fields };
  }

  /** Weight of the marked terms in a segment's fields, or -1 when none occurs. */
  weight(p: number, { T, fields }: { T: number; fields: number }): number {
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
      total += FW.text * termWeight[id]! * slotWeightOf(slotOf(tf, a.len[p]!, meta.avgLen));
    }
    if (fields === 0) return found ? total : -1;
    const flags = a.flags[p]!;
    const field = (ids: Uint32Array | undefined, fieldWeight: number) => {
      const w = this.titleWeight(ids, T);
      if (w < 0) return;
      found = true;
      total += w * fieldWeight;
    };
    if (fields & IN_CHAPTER && flags & OPENS_CHAPTER) field(store.chapterTokens[a.chapter[p]!], FW.chapterTitle);
    if (fields & IN_DOCUMENT && flags & OPENS_DOCUMENT) field(store.docTokens[a.doc[p]!], FW.documentTitle);
    if (fields & IN_SPEAKER && a.speaker[p]! >= 0) field(store.speakerTokens[a.speaker[p]!], FW.speaker);
    return found ? total : -1;
  }

  /** Sum of the marked terms' weights in a title or name (each term once), or -1 when none is in it. */
  private titleWeight(ids: Uint32Array | undefined, T: number): number {
    if (!ids) return -1;
    const { termMark, termWeight, seen } = this;
    const V = this.next();
    let total = -1;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (termMark[id] !== T || seen[id] === V) continue;
      seen[id] = V;
      total = Math.max(total, 0) + termWeight[id]!;
    }
    return total;
  }

  /** Does the phrase occur, in order, in one field of the segment? */
  hasPhrase(p: number, ph: PhraseIds): boolean {
    const store = this.store;
    const a = store.a;
    if (mayHavePairs(a.pairBloom, a.bloomOffsets, p, ph.pairHashes) && inOrder(a.tokens, a.tokOffsets[p]!, a.tokOffsets[p + 1]!, ph)) return true;
    if (ph.fields === 0) return false;
    const flags = a.flags[p]!;
    if (ph.fields & IN_CHAPTER && flags & OPENS_CHAPTER && inAll(store.chapterTokens[a.chapter[p]!], ph)) return true;
    if (ph.fields & IN_DOCUMENT && flags & OPENS_DOCUMENT && inAll(store.docTokens[a.doc[p]!], ph)) return true;
    return (ph.fields & IN_SPEAKER) !== 0 && a.speaker[p]! >= 0 && inAll(store.speakerTokens[a.speaker[p]!], ph);
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
