import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * Parts of speech for the few words that could become a title. Tagging the whole
 * archive would cost more than the rest of the import (wink-nlp runs at about
 * 500k words/s on this machine: 18 s for the Changelog archive), so only the
 * words of each chapter's best candidate phrases are tagged, each word once per
 * archive, all of a document's new words in one call. Out of context a tagger
 * falls back on each word's most likely class, which is what a title needs: is
 * this word a thing (a noun) or a way of talking about one.
 */
export type WordClass = 'noun' | 'gerund' | 'adjective' | 'other';

let nlp: ReturnType<typeof winkNLP> | null = null;

function tagger() {
  // loading the model takes ~150 ms: only when a document needs titles
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

export class WordClasses {
  private readonly known = new Map<string, WordClass>();

  get(word: string): WordClass | undefined {
    return this.known.get(word);
  }

  /** Tags the words not seen before (lower-case, as written). */
  learn(words: Iterable<string>): void {
    const fresh = [...new Set(words)].filter((w) => !this.known.has(w) && /^[\p{L}\p{N}]+$/u.test(w));
    if (fresh.length === 0) return;
    const nlp = tagger();
    // one word per line: tagged with little context, so each gets its most likely class
    // (a full stop after each would make every word a sentence, three times slower)
    const doc = nlp.readDoc(fresh.join('\n'));
    const values = doc.tokens().out(nlp.its.value);
    const tags = doc.tokens().out(nlp.its.pos);
    // the tokenizer may split a word ("3d" → "3", "d.") or keep its full stop ("st."): walk both lists together
    let i = 0;
    for (const word of fresh) {
      while (i < values.length && values[i]!.trim() === '') i++;
      const first = i;
      let seen = '';
      while (i < values.length && seen !== word && seen !== `${word}.` && seen.length <= word.length) seen += values[i++]!;
      if (seen === word && values[i] === '.') i++;
      if (seen === word || seen === `${word}.`) this.known.set(word, classOf(tags[first]!, word));
      else while (i < values.length && values[i] !== '\n') i++;
    }
    // a word the tokenizer split differently is no noun we can vouch for
    for (const w of fresh) if (!this.known.has(w)) this.known.set(w, 'other');
  }
}

function classOf(tag: string, word: string): WordClass {
  if (tag === 'NOUN' || tag === 'PROPN') return 'noun';
  if (tag === 'VERB' && word.endsWith('ing')) return 'gerund';
  if (tag === 'ADJ' || tag === 'NUM') return 'adjective';
  return 'other';
}

/** A phrase that names something: it ends in a noun (or a gerund: "Job Hopping"), and the words before it describe it. */
export function isNounPhrase(classes: readonly (WordClass | undefined)[]): boolean {
  const head = classes[classes.length - 1];
  if (head !== 'noun' && head !== 'gerund') return false;
  return classes.slice(0, -1).every((c) => c === 'noun' || c === 'adjective' || c === 'gerund');
}

/** One cache for the process: a word's class does not depend on the archive. */
export const wordClasses = new WordClasses();
