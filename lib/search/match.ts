import { Candidates, K1_PLUS_1 as BM25_K1_PLUS_1, TEXT, TYPO, WHOLE, WORD } from './candidates';
import { Chains } from './chains';
import { eachFieldPosition } from './fields';
import { phraseStart } from './near';
import { FIELD_TF, FIELD_WEIGHT } from './score';
import type { SegmentStore } from './store';
import { QUALITY, type Group, type PhraseIds, type TermRef } from './terms';
import { TokenReader } from './tokens';

// Imported bindings are read through accessor functions once modules are
// compiled to CommonJS (tsx) or bundled: in the per-posting loops below that
// costs more than the work itself, so they are copied into module constants.
const CHAPTER_W = FIELD_WEIGHT.chapterTitle * FIELD_TF;
const DOCUMENT_W = FIELD_WEIGHT.documentTitle * FIELD_TF;
const SPEAKER_W = FIELD_WEIGHT.speaker * FIELD_TF;
const Q_WHOLE = QUALITY.whole;
const Q_TYPO = QUALITY.typo;
const Q_STEM = QUALITY.stem;
const K1_PLUS_1 = BM25_K1_PLUS_1;

/** A form of the word counts fully (as typed, plural, same stem); a longer word it starts, or a typo, half. */
function formWeight(quality: number): number {
  return quality <= Q_STEM ? 1 : 0.5;
}

/** The packed counts of the one word matched so far, after finding it in the form of this quality too. */
function betterForm(c: number, quality: number): number {
  if (quality === Q_WHOLE && (c & WHOLE) === 0) return (c | WHOLE) & ~TYPO;
  if (quality !== Q_TYPO && (c & TYPO) !== 0) return c & ~TYPO;
  return c;
}

/**
 * The steps of a search over the candidates. Each query word is applied one of
 * two ways, whichever touches less: scan its postings (the inverted index), or
 * read the tokens of the candidates left. A common word ANDed with a rare one
 * therefore costs the rare one's list. Either way a candidate learns the same
 * things about the word: found or not, how (whole, prefix, typo), where (text
 * or a title or name) and its BM25 weight.
 */
export class Matcher extends Candidates {
  readonly tokens: TokenReader;
  readonly chains: Chains;
  private readonly avgTokens: number;
  /** the typed words whose postings are recorded for proximity, by slot */
  private measured: readonly Group[] = [];

  constructor(
    store: SegmentStore,
    /** BM25 length damping per segment (SegmentStore.lengthNorm) */
    readonly norm: Float32Array,
  ) {
    super(store);
    this.tokens = new TokenReader(store, norm);
    this.chains = new Chains(store.n);
    this.avgTokens = store.n > 0 ? store.a.tokens.length / store.n : 1;
  }

  /** Records, for these typed words (in query order), which postings each candidate holds. */
  measure(words: readonly Group[]): void {
    this.chains.start(words.length);
    this.measured = words.slice(0, this.chains.slots);
  }

  /** Should this word be checked on the candidates' tokens rather than by scanning its postings? */
  prefersTokens(g: Group, candidates: number): boolean {
    return g.stop || candidates * this.avgTokens * 4 < g.cost;
  }

  /** Adds every allowed position holding the word to the candidates (first word of an AND, or any word of a partial match). */
  collect(g: Group, allow: Uint32Array | null): void {
    const G = this.next();
    if (this.size === 0) {
      this.collectFirst(g, G, allow);
      return;
    }
    const { mark } = this;
    const slot = this.measured.indexOf(g);
    const { postStart, postSeg, postPosStart } = this.store.a;
    for (const t of g.terms) {
      const { id, quality } = t;
      for (let k = postStart[id]!, end = postStart[id + 1]!; k < end; k++) {
        const p = postSeg[k]!;
        if (allow !== null && ((allow[p >>> 5]! >>> (p & 31)) & 1) === 0) continue;
        if (mark[p] !== this.alive) this.admit(p);
        this.credit(p, G, quality, (postPosStart[k + 1]! - postPosStart[k]!) * formWeight(quality), true);
        if (slot >= 0) this.chains.add(slot, p, k);
      }
      this.eachField(t, (p, w) => {
        if (allow !== null && ((allow[p >>> 5]! >>> (p & 31)) & 1) === 0) return;
        if (mark[p] !== this.alive) this.admit(p);
        this.credit(p, G, quality, w, false);
      });
    }
    this.finishWord(G, g.terms[0]?.idf ?? 0, this.norm);
  }

  /**
   * The first word with nothing before it (the common case, and for a common
   * word the largest): every position it reaches is new, so a candidate is
   * made and credited in one step, with the fewest reads and writes.
   */
  private collectFirst(g: Group, G: number, allow: Uint32Array | null): void {
    const { mark, score, counts, cand, norm } = this;
    const A = this.alive;
    const slot = this.measured.indexOf(g);
    const terms = g.terms;
    const only = terms.length === 1 ? terms[0]! : null;
    if (only) {
      // one form: each posting holds the word's whole count, so its BM25 is final here (what finishWord would add to 0)
      const { postStart, postSeg, postPosStart } = this.store.a;
      const { id, quality, idf } = only;
      const first = WORD + TEXT + (quality === Q_WHOLE ? WHOLE : quality === Q_TYPO ? TYPO : 0);
      const fw = formWeight(quality);
      const from = postStart[id]!;
      const end = postStart[id + 1]!;
      let size = 0;
      for (let k = from; k < end; k++) {
        const p = postSeg[k]!;
        if (allow !== null && ((allow[p >>> 5]! >>> (p & 31)) & 1) === 0) continue;
        const tf = (postPosStart[k + 1]! - postPosStart[k]!) * fw;
        mark[p] = A;
        score[p] = (idf * tf * K1_PLUS_1) / (tf + norm[p]!);
        counts[p] = first;
        cand[size++] = p;
        if (slot >= 0) this.chains.add(slot, p, k);
      }
      this.size = size;
    } else this.size = this.unionFirst(terms, slot, A, allow);
    // titles and names (few places): a position reached through the text already counts the word,
    // though a title may hold a better form of it than the text (the word counts with its best form)
    const { fieldMark, fieldBest } = this;
    for (const t of terms) {
      const q = t.quality;
      this.eachField(t, (p, w) => {
        if (allow !== null && ((allow[p >>> 5]! >>> (p & 31)) & 1) === 0) return;
        if (mark[p] !== A) {
          this.admit(p);
          this.credit(p, G, q, w, false);
        } else if (fieldMark[p] !== G) {
          fieldMark[p] = G;
          fieldBest[p] = w;
          score[p]! += w;
          counts[p] = betterForm(counts[p]!, q);
        } else if (w > fieldBest[p]!) {
          score[p]! += w - fieldBest[p]!;
          fieldBest[p] = w;
        }
      });
    }
  }

  /**
   * The first word's forms (a word and its plural, or every word a prefix
   * starts): a position may hold several, so their occurrences are added up
   * first, with a bitset (small enough to stay in cache) telling a new position
   * from one already reached. Reading the bitset back then gives the
   * candidates in position order, each with its BM25 (what finishWord would
   * add to 0).
   */
  private unionFirst(terms: readonly TermRef[], slot: number, A: number, allow: Uint32Array | null): number {
    const { mark, textTf, score, counts, cand, norm } = this;
    const { postStart, postSeg, postPosStart } = this.store.a;
    const bits = (this.reached ??= new Uint32Array((this.store.n + 31) >>> 5));
    // few postings (a rare word's forms): note each new position, sort those, and leave the bitset unread
    let postings = 0;
    for (const { id } of terms) postings += postStart[id + 1]! - postStart[id]!;
    const sparse = postings < (this.sparseBelow ?? bits.length >>> 4);
    let size = 0;
    for (const { id, quality } of terms) {
      const first = WORD + TEXT + (quality === Q_WHOLE ? WHOLE : quality === Q_TYPO ? TYPO : 0);
      const fw = formWeight(quality);
      const from = postStart[id]!;
      const end = postStart[id + 1]!;
      for (let k = from; k < end; k++) {
        const p = postSeg[k]!;
        const w = p >>> 5;
        const b = 1 << (p & 31);
        if (allow !== null && (allow[w]! & b) === 0) continue;
        const tf = (postPosStart[k + 1]! - postPosStart[k]!) * fw;
        if ((bits[w]! & b) === 0) {
          bits[w]! |= b;
          textTf[p] = tf;
          counts[p] = first;
          if (sparse) cand[size++] = p;
        } else textTf[p]! += tf;
        if (slot >= 0) this.chains.add(slot, p, k);
      }
    }
    const idf = terms[0]?.idf ?? 0;
    if (sparse) {
      cand.subarray(0, size).sort();
      for (let i = 0; i < size; i++) {
        const p = cand[i]!;
        bits[p >>> 5] = 0;
        const tf = textTf[p]!;
        mark[p] = A;
        score[p] = (idf * tf * K1_PLUS_1) / (tf + norm[p]!);
      }
      return size;
    }
    for (let w = 0; w < bits.length; w++) {
      let v = bits[w]!;
      if (v === 0) continue;
      bits[w] = 0;
      while (v !== 0) {
        const low = v & -v;
        const p = (w << 5) + 31 - Math.clz32(low);
        v ^= low;
        const tf = textTf[p]!;
        mark[p] = A;
        score[p] = (idf * tf * K1_PLUS_1) / (tf + norm[p]!);
        cand[size++] = p;
      }
    }
    return size;
  }
  private reached: Uint32Array | null = null;
  /** below how many postings a first word's forms are united by noting positions (default: a sixteenth of the bitset's words) */
  sparseBelow: number | null = null;

  /**
   * AND step by scanning the word's postings: candidates holding it are
   * credited, the others go. `met` (Together.met) narrows the scan to the
   * postings already found where the candidates are.
   */
  intersect(g: Group, met: { ks: Int32Array; starts: readonly number[] } | null = null): void {
    const S = this.next();
    const { mark } = this;
    const alive = this.alive;
    const slot = this.measured.indexOf(g);
    const { postStart, postSeg, postPosStart } = this.store.a;
    const cand = this.cand;
    // with more postings than candidates, most postings miss: a bitset of the candidates (small enough
    // to stay in cache) turns them away before the mark array is read
    const live = g.cost > this.size ? (this.reached ??= new Uint32Array((this.store.n + 31) >>> 5)) : null;
    if (live) for (let i = 0; i < this.size; i++) live[cand[i]! >>> 5]! |= 1 << (cand[i]! & 31);
    const ks = met?.ks ?? null;
    for (let ti = 0; ti < g.terms.length; ti++) {
      const t = g.terms[ti]!;
      const { id, quality } = t;
      const fw = formWeight(quality);
      const from = met ? met.starts[ti]! : postStart[id]!;
      const end = met ? met.starts[ti + 1]! : postStart[id + 1]!;
      for (let j = from; j < end; j++) {
        const k = ks === null ? j : ks[j]!;
        const p = postSeg[k]!;
        if (live !== null && (live[p >>> 5]! & (1 << (p & 31))) === 0) continue;
        const m = mark[p];
        if (m !== alive && m !== S) continue;
        mark[p] = S;
        this.credit(p, S, quality, (postPosStart[k + 1]! - postPosStart[k]!) * fw, true);
        if (slot >= 0) this.chains.add(slot, p, k);
      }
      this.eachField(t, (p, w) => {
        const m = mark[p];
        if (m !== alive && m !== S) return;
        mark[p] = S;
        this.credit(p, S, quality, w, false);
      });
    }
    this.alive = S;
    let out = 0;
    for (let i = 0; i < this.size; i++) {
      const p = cand[i]!;
      if (live) live[p >>> 5] = 0;
      if (mark[p] === S) cand[out++] = p;
    }
    this.size = out;
    this.finishWord(S, g.terms[0]?.idf ?? 0, this.norm);
  }

  /** Calls `fn` for the segments opening a chapter or document whose title holds the term, and the segments of a speaker whose name does, with the term's weight there. */
  private eachField(t: TermRef, fn: (p: number, w: number) => void): void {
    const chapterW = t.idf * CHAPTER_W;
    const documentW = t.idf * DOCUMENT_W;
    const speakerW = t.idf * SPEAKER_W;
    eachFieldPosition(this.store, t, (p, kind) => fn(p, kind === 0 ? chapterW : kind === 1 ? documentW : speakerW));
  }

  /** AND step by reading tokens: keeps the candidates holding the word, crediting it. */
  filterByTokens(g: Group): void {
    this.unrecorded(g);
    this.order();
    const G = this.next();
    const T = this.tokens.mark(g);
    this.keep((p) => this.creditFromTokens(p, G, T));
    this.finishWord(G, g.terms[0]?.idf ?? 0, this.norm);
  }

  /** Partial matches over a seeded set: credits the word where it occurs; drops nothing. */
  countByTokens(g: Group): void {
    this.unrecorded(g);
    this.order();
    const G = this.next();
    const T = this.tokens.mark(g);
    for (const p of this.candidates()) this.creditFromTokens(p, G, T);
    this.finishWord(G, g.terms[0]?.idf ?? 0, this.norm);
  }

  private creditFromTokens(p: number, G: number, T: number): boolean {
    const r = this.tokens;
    if (!r.match(p, T)) return false;
    // the better way it matched first, so the word counts with its best quality
    const textFirst = r.textQuality >= 0 && (r.fieldQuality < 0 || r.textQuality <= r.fieldQuality);
    if (textFirst) this.credit(p, G, r.textQuality, r.textTf, true);
    if (r.fieldQuality >= 0) this.credit(p, G, r.fieldQuality, r.fieldWeight, false);
    if (!textFirst && r.textQuality >= 0) this.credit(p, G, r.textQuality, r.textTf, true);
    return true;
  }

  /** Where a phrase of the query may be, within the filter (see phraseStart); null when no phrase can be placed so. */
  phraseStart(phrases: readonly PhraseIds[], filter: Uint32Array | null): { bits: Uint32Array; count: number } | null {
    return phraseStart(this.store, phrases, filter, (this.phraseBits ??= new Uint32Array((this.store.n + 31) >>> 5)));
  }
  private phraseBits: Uint32Array | null = null;

  /** Keeps the candidates holding every phrase (in order, in one field). */
  keepPhrases(phrases: readonly PhraseIds[]): void {
    this.order();
    const { tokens, cand } = this;
    let out = 0;
    next: for (let i = 0; i < this.size; i++) {
      const p = cand[i]!;
      for (let k = 0; k < phrases.length; k++) if (!tokens.hasPhrase(p, phrases[k]!)) continue next;
      cand[out++] = p;
    }
    this.size = out;
  }

  /** Drops the candidates holding the word (an exclusion), by reading tokens or by marking its postings. */
  exclude(g: Group): void {
    if (this.prefersTokens(g, this.size)) {
      this.order();
      const T = this.tokens.mark(g);
      this.keep((p) => !this.tokens.match(p, T));
      return;
    }
    const X = this.next();
    // any stamp array serves as scratch here: the stamp X is never a word's
    const groupMark = this.fieldMark;
    const { postStart, postSeg } = this.store.a;
    for (const t of g.terms) {
      for (let k = postStart[t.id]!; k < postStart[t.id + 1]!; k++) groupMark[postSeg[k]!] = X;
      this.eachField(t, (p) => (groupMark[p] = X));
    }
    this.keep((p) => groupMark[p] !== X);
  }

  /** A measured word applied through tokens: proximity reads tokens for it. */
  private unrecorded(g: Group): void {
    const slot = this.measured.indexOf(g);
    if (slot >= 0) this.chains.complete[slot] = false;
  }
}
