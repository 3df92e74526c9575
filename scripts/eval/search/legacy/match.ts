import type { Slots } from './flex';
import { FIELD_WEIGHT, slotWeight } from './score';
import type { SegmentStore } from './store';
import type { Group, PhraseIds } from './terms';
import { Candidates } from './candidates';
import { TokenReader } from './tokens';

// copied once: imported bindings are accessor calls in compiled modules (see tokens.ts)
const FW = FIELD_WEIGHT;
const slotWeightOf = slotWeight;

/**
 * The steps of a search over the candidates. Each query word is applied one of
 * two ways, whichever touches less:
 * scan its FlexSearch posting lists, or look at the tokens of the candidates left.
 * A common word ANDed with a rare one therefore costs the rare one's list.
 *
 * A segment's score for a word is the sum, over the fields and vocabulary terms
 * the word matched there, of the weight of that (term, field, slot) list — the
 * same sum whether it is found by scanning lists or by reading tokens.
 */
export class Matcher extends Candidates {
  readonly tokens: TokenReader;
  private readonly avgTokens: number;

  constructor(store: SegmentStore) {
    super(store);
    this.tokens = new TokenReader(store);
    this.avgTokens = store.n > 0 ? store.a.tokens.length / store.n : 1;
  }

  /** Should this word be checked on the candidates' tokens rather than by scanning its postings? */
  prefersTokens(g: Group, candidates: number): boolean {
    return g.stop || candidates * this.avgTokens * 4 < g.cost;
  }

  /**
   * Adds every allowed position holding the word to the candidates (first word of
   * an AND, or any word of a partial match); new ones start at score 0. With
   * `countWords`, each position's count of matched query words goes up once.
   */
  collect(g: Group, allow: Uint32Array | null, countWords = false): void {
    const G = this.next();
    for (const t of g.terms) {
      this.collectSlots(t.text, t.weight * FW.text, true, allow, countWords, G);
      if (t.chapterTitle) this.collectSlots(t.chapterTitle, t.weight * FW.chapterTitle, false, allow, countWords, G);
      if (t.documentTitle) this.collectSlots(t.documentTitle, t.weight * FW.documentTitle, false, allow, countWords, G);
      if (t.speaker) this.collectSlots(t.speaker, t.weight * FW.speaker, false, allow, countWords, G);
    }
  }

  private collectSlots(slots: Slots | undefined, base: number, slotted: boolean, allow: Uint32Array | null, countWords: boolean, G: number): void {
    if (!slots) return;
    const { mark, score, count, groupMark, cand } = this;
    const into = this.alive;
    let size = this.size;
    for (let slot = 0; slot < slots.length; slot++) {
      const ids = slots[slot];
      if (!ids) continue;
      const w = slotted ? base * slotWeightOf(slot) : base;
      if (allow === null && !countWords) {
        // the common case, kept to the fewest reads and writes per posting
        for (let k = 0; k < ids.length; k++) {
          const p = ids[k]!;
          if (mark[p] !== into) {
            mark[p] = into;
            score[p] = w;
            cand[size++] = p;
          } else score[p]! += w;
        }
        continue;
      }
      for (let k = 0; k < ids.length; k++) {
        const p = ids[k]!;
        if (mark[p] !== into) {
          if (allow !== null && ((allow[p >>> 5]! >>> (p & 31)) & 1) === 0) continue;
          mark[p] = into;
          score[p] = 0;
          count[p] = 0;
          cand[size++] = p;
        }
        score[p]! += w;
        if (countWords && groupMark[p] !== G) {
          groupMark[p] = G;
          count[p]!++;
        }
      }
    }
    this.size = size;
  }

  /** AND step by scanning the word's lists: candidates holding it get its weight, the others go. */
  intersect(g: Group): void {
    const S = this.next();
    for (const t of g.terms) {
      this.intersectSlots(t.text, t.weight * FW.text, true, S);
      if (t.chapterTitle) this.intersectSlots(t.chapterTitle, t.weight * FW.chapterTitle, false, S);
      if (t.documentTitle) this.intersectSlots(t.documentTitle, t.weight * FW.documentTitle, false, S);
      if (t.speaker) this.intersectSlots(t.speaker, t.weight * FW.speaker, false, S);
    }
    this.alive = S;
    const { mark, cand } = this;
    let out = 0;
    for (let i = 0; i < this.size; i++) {
      const p = cand[i]!;
      if (mark[p] === S) cand[out++] = p;
    }
    this.size = out;
  }

  private intersectSlots(slots: Slots | undefined, base: number, slotted: boolean, S: number): void {
    if (!slots) return;
    const { mark, score } = this;
    const alive = this.alive;
    for (let slot = 0; slot < slots.length; slot++) {
      const ids = slots[slot];
      if (!ids) continue;
      const w = slotted ? base * slotWeightOf(slot) : base;
      for (let k = 0; k < ids.length; k++) {
        const p = ids[k]!;
        const m = mark[p];
        if (m === alive || m === S) {
          mark[p] = S;
          score[p]! += w;
        }
      }
    }
  }

  /** AND step by reading tokens: keeps the candidates holding the word, adding its weight. */
  filterByTokens(g: Group): void {
    this.order();
    const word = this.tokens.mark(g);
    const { score, count, tokens, cand } = this;
    let out = 0;
    for (let i = 0; i < this.size; i++) {
      const p = cand[i]!;
      const w = tokens.weight(p, word);
      if (w < 0) continue;
      score[p]! += w;
      count[p]!++;
      cand[out++] = p;
    }
    this.size = out;
  }

  /** Keeps the candidates holding every phrase (in order, in one field). */
  keepPhrases(phrases: readonly PhraseIds[]): void {
    this.order();
    const { tokens, cand } = this;
    let out = 0;
    outer: for (let i = 0; i < this.size; i++) {
      const p = cand[i]!;
      for (let k = 0; k < phrases.length; k++) if (!tokens.hasPhrase(p, phrases[k]!)) continue outer;
      cand[out++] = p;
    }
    this.size = out;
  }

  /** Partial matches over a seeded set: adds the word's weight and counts it where it occurs; drops nothing. */
  countByTokens(g: Group): void {
    this.order();
    const word = this.tokens.mark(g);
    const { score, count, cand, tokens } = this;
    for (let i = 0; i < this.size; i++) {
      const p = cand[i]!;
      const w = tokens.weight(p, word);
      if (w < 0) continue;
      score[p]! += w;
      count[p]!++;
    }
  }

  /** Drops the candidates holding the word (an exclusion), by reading tokens or by marking its lists. */
  exclude(g: Group): void {
    if (this.prefersTokens(g, this.size)) {
      this.order();
      const word = this.tokens.mark(g);
      this.keep((p) => this.tokens.weight(p, word) < 0);
      return;
    }
    const X = this.next();
    const groupMark = this.groupMark;
    for (const t of g.terms) {
      for (const slots of [t.text, t.chapterTitle, t.documentTitle, t.speaker]) {
        if (slots) for (const ids of slots) if (ids) for (let k = 0; k < ids.length; k++) groupMark[ids[k]!] = X;
      }
    }
    this.keep((p) => groupMark[p] !== X);
  }
}
