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
  /** each vocabulary word's stem, filled as blocks are read ('' for a word with other characters) */
  private readonly stems: (string | undefined)[];
  /** the answer per query word (people repeat words): the last 2,000 */
  private readonly answers = new Map<string, number[]>();

  constructor(private readonly vocab: Vocabulary) {
    this.stems = new Array<string | undefined>(vocab.size);
  }

  /** Ids of the words sharing the word's stem (the word itself included when it is in the vocabulary). */
  forms(word: string): number[] {
    const known = this.answers.get(word);
    if (known) return known;
    const out = this.find(word);
    if (this.answers.size >= 2000) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(word, out);
    return out;
  }

  private find(word: string): number[] {
    if (!LETTERS.test(word)) return [];
    const s = stem(word);
    const [lo, hi] = this.vocab.prefixRange(s.slice(0, Math.max(2, s.length - 1)));
    if (hi - lo > MAX_BLOCK) return [];
    const out: number[] = [];
    const { stems } = this;
    for (let id = lo; id < hi; id++) {
      let st = stems[id];
      if (st === undefined) {
        const w = this.vocab.words[id]!;
        st = stems[id] = LETTERS.test(w) ? stem(w) : '';
      }
      if (st === s) out.push(id);
    }
    return out;
  }
}

const LETTERS = /^[a-z]+$/;
