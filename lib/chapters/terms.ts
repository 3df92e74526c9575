import { STOPWORDS } from './stopwords';
import { WordTable } from './word-table';

/**
 * The archive's vocabulary of content terms and how many documents use each:
 * the document frequencies behind the title weighting and the cohesion vectors.
 * Terms are interned to small integers so a document's tokens are an Int32Array
 * and every per-term table is a typed array indexed by id.
 */
export class TermStats {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private dfs = new Int32Array(1024);
  /** documents counted in the frequencies */
  docs = 0;

  /** The id of a term, adding it (with frequency 0) when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
      if (id >= this.dfs.length) {
        const grown = new Int32Array(this.dfs.length * 2);
        grown.set(this.dfs);
        this.dfs = grown;
      }
    }
    return id;
  }

  private readonly words = new WordTable();

  /**
   * The term id of the lower-case word text[start, end) ("skins" → id of "skin"),
   * or -1 when it is no content word. Cached per written form: most tokens of an
   * archive are a few thousand words said again and again.
   */
  lookup(text: string, start = 0, end = text.length, hash?: number): number {
    let id = this.words.find(text, start, end, hash);
    if (id === WordTable.ABSENT) {
      const word = text.slice(start, end);
      id = isContentWord(word) ? this.intern(foldTerm(word)) : -1;
      this.words.set(word, id);
    }
    return id;
  }

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  term(id: number): string {
    return this.names[id] ?? '';
  }

  get size(): number {
    return this.names.length;
  }

  df(id: number): number {
    return this.dfs[id] ?? 0;
  }

  private readonly changed = new Set<number>();

  /** Counts one document that uses these terms (each id once). */
  addDocument(termIds: Iterable<number>): void {
    for (const id of termIds) {
      this.dfs[id]!++;
      this.changed.add(id);
    }
    this.docs++;
  }

  /** Takes back a document counted before (a file re-imported or gone); never below zero. */
  removeDocument(termIds: Iterable<number>): void {
    for (const id of termIds) {
      if (this.dfs[id]! > 0) this.dfs[id]!--;
      this.changed.add(id);
    }
    this.docs = Math.max(0, this.docs - 1);
  }

  /** Takes a stored frequency as is (loading what earlier imports counted). */
  setFrequency(term: string, df: number): void {
    this.dfs[this.intern(term)] = df;
  }

  /** The terms whose frequency changed since the last call, with their frequencies now. */
  takeChanges(): [string, number][] {
    const out = [...this.changed].map((id) => [this.names[id]!, this.dfs[id]!] as [string, number]);
    this.changed.clear();
    return out;
  }

  /** Smoothed inverse document frequency; a term seen in every document still weighs a little. */
  idf(id: number): number {
    return Math.log((this.docs + 1) / (this.df(id) + 0.5));
  }

  entries(): IterableIterator<[string, number]> {
    const { names, dfs } = this;
    return (function* () {
      for (let i = 0; i < names.length; i++) if (dfs[i]! > 0) yield [names[i]!, dfs[i]!] as [string, number];
    })();
  }
}

/**
 * One folded form for singular and plural ("skins" → "skin", "libraries" →
 * "library"), so a chapter's counts are not split between them. Deliberately
 * light: a stemmer would also merge words that title differently.
 */
export function foldTerm(word: string): string {
  const n = word.length;
  if (n <= 3 || word.charCodeAt(n - 1) !== 115 /* s */) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is') || word.endsWith("'s")) return word;
  if (n > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word.slice(0, -1);
}

/** A word worth weighing: not a stopword, not a bare number, at least two letters. */
export function isContentWord(lower: string): boolean {
  if (lower.length < 2 || STOPWORDS.has(lower)) return false;
  const c = lower.charCodeAt(0);
  return !(c >= 48 && c <= 57 && /^\d+$/.test(lower));
}
