import stem from 'wink-porter2-stemmer';
import type { Vocabulary } from './vocab';

/** A stem's words all start with the stem less its last letter ("hire": hiring; "happi": happy): that block is read. */
const MAX_BLOCK = 4000;

/**
 * Other forms of a word: the vocabulary words with the same Porter2 stem
 * ("hiring": hire, hired, hires). Stems are computed only for the block of
 * words that could share one, and remembered for the life of the index.
 */
export class Stems {
  private readonly cache = new Map<number, string>();

  constructor(private readonly vocab: Vocabulary) {}

  /** Ids of the words sharing the word's stem (the word itself included when it is in the vocabulary). */
  forms(word: string): number[] {
    if (!/^[a-z]+$/.test(word)) return [];
    const s = stem(word);
    const [lo, hi] = this.vocab.prefixRange(s.slice(0, Math.max(2, s.length - 1)));
    if (hi - lo > MAX_BLOCK) return [];
    const out: number[] = [];
    for (let id = lo; id < hi; id++) {
      let st = this.cache.get(id);
      if (st === undefined) {
        const w = this.vocab.words[id]!;
        st = /^[a-z]+$/.test(w) ? stem(w) : '';
        this.cache.set(id, st);
      }
      if (st === s) out.push(id);
    }
    return out;
  }
}
