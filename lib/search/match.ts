import { FIELDS, type FlexView } from './flex';
import { FIELD_WEIGHT, slotFor, slotWeight } from './score';
import { ENTRY_CHAPTER, ENTRY_DOCUMENT, type SegmentStore } from './store';
import type { Group, PhraseIds } from './terms';

/**
 * Set algebra over segment positions with reusable typed arrays ("stamps" instead
 * of clearing: a slot belongs to the current step when it holds the step's
 * number). Each query word is applied one of two ways, whichever touches less:
 * scan its FlexSearch posting lists, or look at the tokens of the candidates left.
 * Common words ANDed with a rare one therefore cost the rare one's list, not the
 * common ones'.
 */
export class Matcher {
  private stamp = 0;
  private readonly mark: Int32Array;
  private readonly fieldMark: Int32Array;
  private readonly fieldBest: Float32Array;
  private readonly touched: Int32Array;
  readonly score: Float32Array;
  /** query words matched, for partial (fallback) matches */
  readonly count: Uint8Array;
  private readonly groupMark: Int32Array;
  private readonly termMark: Int32Array;
  private readonly termWeight: Float32Array;
  private readonly avgTokens: number;

  constructor(
    private readonly flex: FlexView,
    readonly store: SegmentStore,
  ) {
    const n = store.n;
    this.mark = new Int32Array(n);
    this.fieldMark = new Int32Array(n);
    this.fieldBest = new Float32Array(n);
    this.touched = new Int32Array(n);
    this.score = new Float32Array(n);
    this.count = new Uint8Array(n);
    this.groupMark = new Int32Array(n);
    this.termMark = new Int32Array(store.vocab.size);
    this.termWeight = new Float32Array(store.vocab.size);
    this.avgTokens = n > 0 ? store.a.tokens.length / n : 1;
  }

  private next(): number {
    if (this.stamp > 2_000_000_000) {
      // stamps only need to differ from what the arrays hold: start over before overflow
      for (const a of [this.mark, this.fieldMark, this.groupMark, this.termMark]) a.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Should this word be checked on the candidates' tokens rather than by scanning its postings? */
  prefersTokens(g: Group, candidates: number): boolean {
    return g.stop || candidates * this.avgTokens * 1.5 < g.cost;
  }

  /**
   * Adds one word's matches from its posting lists.
   * - `alive` given (AND): only positions marked `alive` count; survivors get a new
   *   mark, which is returned.
   * - otherwise (first word, or partial matches): every allowed match counts; new
   *   positions get score 0, are pushed to `out` and marked `into` (a fresh mark if
   *   not given), which is returned.
   */
  scanGroup(g: Group, opts: { alive?: number; into?: number; allow: Uint32Array | null; out?: number[] }): number {
    const and = opts.alive !== undefined;
    const alive = opts.alive ?? -1;
    const S = and ? this.next() : (opts.into ?? this.next());
    const gm = this.next();
    const { mark, fieldMark, fieldBest, touched, score, count, groupMark } = this;
    const allow = opts.allow;
    const out = opts.out;
    for (const field of FIELDS) {
      const F = this.next();
      let nt = 0;
      const fw = FIELD_WEIGHT[field];
      for (const t of g.terms) {
        const slots = this.flex.slots(field, t.word);
        if (!slots) continue;
        for (let si = 0; si < slots.length; si++) {
          const ids = slots[si];
          if (!ids) continue;
          const w = fw * t.weight * (field === 'text' ? slotWeight(si) : 1);
          for (let k = 0; k < ids.length; k++) {
            const p = ids[k]!;
            const m = mark[p]!;
            if (and) {
              if (m !== alive && m !== S) continue;
              mark[p] = S;
            } else if (m !== S) {
              if (allow !== null && ((allow[p >>> 5]! >>> (p & 31)) & 1) === 0) continue;
              mark[p] = S;
              score[p] = 0;
              count[p] = 0;
              out?.push(p);
            }
            if (groupMark[p] !== gm) {
              groupMark[p] = gm;
              count[p]!++;
            }
            if (fieldMark[p] !== F) {
              fieldMark[p] = F;
              fieldBest[p] = w;
              touched[nt++] = p;
            } else if (w > fieldBest[p]!) fieldBest[p] = w;
          }
        }
      }
      for (let k = 0; k < nt; k++) score[touched[k]!]! += fieldBest[touched[k]!]!;
    }
    return S;
  }

  /** Starts candidates from a list of positions (a small filter) with nothing matched yet. */
  seed(list: readonly number[]): number {
    const S = this.next();
    for (const p of list) {
      this.mark[p] = S;
      this.score[p] = 0;
      this.count[p] = 0;
    }
    return S;
  }

  /** Keeps the candidates whose mark equals `stamp`. */
  keepMarked(list: number[], stamp: number): number[] {
    return list.filter((p) => this.mark[p] === stamp);
  }

  /** Checks one word on each candidate's tokens and titles; adds its weight, drops those without it. */
  filterByTokens(list: number[], g: Group): number[] {
    const T = this.next();
    for (const t of g.terms) {
      this.termMark[t.id] = T;
      this.termWeight[t.id] = t.weight;
    }
    const out: number[] = [];
    for (const p of list) {
      const w = this.tokenWeight(p, T);
      if (w < 0) continue;
      this.score[p]! += w;
      out.push(p);
    }
    return out;
  }

  /** Weight of the marked terms in a segment's fields, or -1 when none occurs. */
  private tokenWeight(p: number, T: number): number {
    const { store, termMark, termWeight } = this;
    const { a, meta } = store;
    let found = false;
    let total = 0;
    // text: the best term, weighted by its frequency the same way the index slots are
    let best = 0;
    const toks = store.tokensOf(p);
    for (let i = 0; i < toks.length; i++) {
      const id = toks[i]!;
      if (termMark[id] !== T) continue;
      found = true;
      let tf = 0;
      for (let j = 0; j < toks.length; j++) if (toks[j] === id) tf++;
      const w = termWeight[id]! * slotWeight(slotFor(tf, a.len[p]!, meta.avgLen));
      if (w > best) best = w;
    }
    total += best * FIELD_WEIGHT.text;
    const flags = a.flags[p]!;
    if (flags & ENTRY_CHAPTER) {
      const w = bestOf(meta.chapterTitles[a.chapter[p]!], termMark, termWeight, T);
      if (w >= 0) (found = true), (total += w * FIELD_WEIGHT.chapterTitle);
    }
    if (flags & ENTRY_DOCUMENT) {
      const w = bestOf(meta.docs[a.doc[p]!]?.title, termMark, termWeight, T);
      if (w >= 0) (found = true), (total += w * FIELD_WEIGHT.documentTitle);
    }
    if (a.speaker[p]! >= 0) {
      const w = bestOf(meta.speakerNames[a.speaker[p]!], termMark, termWeight, T);
      if (w >= 0) (found = true), (total += w * FIELD_WEIGHT.speaker);
    }
    return found ? total : -1;
  }

  /** Positions holding any of the words (for exclusion), checked on tokens. */
  hasAny(p: number, groups: Group[]): boolean {
    for (const g of groups) {
      const T = this.next();
      for (const t of g.terms) this.termMark[t.id] = T;
      if (this.tokenWeight(p, T) >= 0) return true;
    }
    return false;
  }

  /** Does the phrase occur, in order, in any field of the segment? */
  hasPhrase(p: number, ph: PhraseIds): boolean {
    const { a, meta } = this.store;
    if (inOrder(this.store.tokensOf(p), ph)) return true;
    const flags = a.flags[p]!;
    if (flags & ENTRY_CHAPTER && inOrder(meta.chapterTitles[a.chapter[p]!] ?? [], ph)) return true;
    if (flags & ENTRY_DOCUMENT && inOrder(meta.docs[a.doc[p]!]?.title ?? [], ph)) return true;
    return a.speaker[p]! >= 0 && inOrder(meta.speakerNames[a.speaker[p]!] ?? [], ph);
  }
}

function bestOf(ids: readonly number[] | undefined, termMark: Int32Array, termWeight: Float32Array, T: number): number {
  let best = -1;
  if (ids) for (const id of ids) if (termMark[id] === T && termWeight[id]! > best) best = termWeight[id]!;
  return best;
}

function inOrder(toks: ArrayLike<number>, ph: PhraseIds): boolean {
  const n = ph.ids.length;
  const [lo, hi] = ph.lastRange;
  outer: for (let i = 0; i + n < toks.length; i++) {
    for (let j = 0; j < n; j++) if (toks[i + j] !== ph.ids[j]) continue outer;
    const last = toks[i + n]!;
    if (last >= lo && last < hi) return true;
  }
  return false;
}
