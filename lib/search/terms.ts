import type { ParsedQuery, Phrase } from './query';
import { idf } from './score';
import { pairHash, type SegmentStore } from './store';
import { STOPWORDS } from './tokenize';
import type { Highlight } from './types';

/**
 * How a vocabulary word stands for a query word, best first: as typed (or its
 * plural or singular), another form of the same word (same stem: "hire" for
 * "hiring"), a longer word it starts, or one letter off.
 */
export const QUALITY = { whole: 0, stem: 1, prefix: 2, typo: 3 } as const;

export interface TermRef {
  id: number;
  quality: number;
  /** BM25 idf of the query word it stands for (all of a word's terms share one: see resolveWord) */
  idf: number;
}

/** One query word: any of its terms satisfies it. Terms are sorted best quality first. */
export interface Group {
  word: string;
  terms: TermRef[];
  /** stopwords are not in the inverted index: such a word is only checked on the token store */
  stop: boolean;
  /** what scanning the group costs, in postings (see scanCost) */
  cost: number;
}

/** A phrase as vocabulary ids; the last word as an id range (one id, or a prefix block while it is being typed). */
export interface PhraseIds {
  words: string[];
  ids: number[];
  lastRange: [number, number];
  /** hashes of the phrase's adjacent word pairs, all set in the pair filter of a segment that has it */
  pairHashes: Uint32Array;
  /** per speaker, whether their name holds the phrase (-1: not read yet), filled as passages ask */
  inSpeakerName?: Int8Array;
}

export interface ResolvedQuery {
  /** the query's words in the order typed, then the words of its phrases */
  groups: Group[];
  /** how many of `groups` are the typed words (proximity is measured between them, in order) */
  typed: number;
  phrases: PhraseIds[];
  /**
   * The typed words as one phrase, when the query has one content word among
   * stopwords ("I quit", "that's it"): proximity has no second word to measure,
   * so passages that say it as typed are the near ones. Null otherwise.
   */
  sequence: PhraseIds | null;
  /** a phrase word that occurs nowhere: the AND can only be empty */
  impossible: boolean;
  exclude: Group[];
  excludePhrases: PhraseIds[];
  highlight: Highlight;
}

/** Prefix search needs two letters: "p" alone would stand for a tenth of the vocabulary. */
const MIN_PREFIX = 2;
/** Typos are tried for words of four letters or more (shorter ones are too easily another word)... */
const MIN_TYPO_LENGTH = 4;
/** ...that as typed match nothing (a real word, however rare, is never read as another: "good" is not "god"). */
const TYPO_BELOW_DF = 1;

export function resolveQuery(q: ParsedQuery, store: SegmentStore): ResolvedQuery {
  const hl: Highlight = { exact: [], prefixes: [], phrases: [] };
  const groups: Group[] = [];
  const seen = new Set<string>();
  const addGroup = (word: string, prefix: 'always' | 'fallback' | 'never', typos: boolean) => {
    const key = `${word}\u0000${prefix}\u0000${typos}`;
    if (seen.has(key)) return;
    seen.add(key);
    groups.push(resolveWord(word, prefix, typos, store, hl));
  };
  // the word being typed may be the start of a longer one; the others are meant whole,
  // and only a word that is no whole word anywhere (a fragment) is read as a prefix
  for (const w of q.words) addGroup(w, w === q.open ? 'always' : 'fallback', true);
  const typed = groups.length;
  const phrases: PhraseIds[] = [];
  let impossible = false;
  for (const typedPhrase of q.phrases) {
    const ph = asTyped(typedPhrase, store);
    const p = resolvePhrase(ph, store);
    if (!p) impossible = true;
    else phrases.push(p);
    hl.phrases.push(ph);
    ph.words.forEach((w, i) => {
      if (!STOPWORDS.has(w)) addGroup(w, ph.prefix && i === ph.words.length - 1 ? 'always' : 'never', false);
    });
  }
  const measured = measuredWords(groups, typed).length;
  const said: Phrase = { words: q.sequence, prefix: q.open !== null };
  const sequence = measured < 2 && new Set(q.sequence).size > 1 ? resolvePhrase(said, store) : null;
  if (sequence) hl.phrases.push(said);
  const exclude = q.excludeWords.map((w) => resolveWord(w, 'always', false, store, null));
  const excludePhrases = q.excludePhrases.map((p) => resolvePhrase(asTyped(p, store), store)).filter((p): p is PhraseIds => p !== null);
  return { groups, typed, phrases, sequence, impossible, exclude, excludePhrases, highlight: hl };
}

/** The word, its plural or singular, and (when allowed) the longer words it starts, or failing all that its one-letter neighbours. */
function resolveWord(word: string, prefix: 'always' | 'fallback' | 'never', typos: boolean, store: SegmentStore, hl: Highlight | null): Group {
  const { vocab } = store;
  const stop = STOPWORDS.has(word);
  const found = new Map<number, number>(); // id → quality
  const add = (id: number | undefined, quality: number) => {
    if (id !== undefined && !found.has(id) && (stop || !store.isStop[id])) found.set(id, quality);
  };
  add(vocab.id(word), QUALITY.whole);
  if (!stop) {
    for (const form of inflections(word)) add(vocab.id(form), QUALITY.whole);
    for (const id of store.stems.forms(word)) add(id, QUALITY.stem);
  }
  const expand = (w: string, quality: number) => {
    if (stop || w.length < MIN_PREFIX) return;
    const [lo, hi] = vocab.prefixRange(w);
    for (let id = lo; id < hi; id++) add(id, quality);
  };
  const asPrefix = prefix === 'always' || (prefix === 'fallback' && found.size === 0);
  if (asPrefix) expand(word, QUALITY.prefix);
  if (typos && !stop && word.length >= MIN_TYPO_LENGTH && documentFrequency(store, found) < TYPO_BELOW_DF) {
    for (const id of vocab.typos(word, (i) => !store.isStop[i] && !found.has(i))) {
      add(id, QUALITY.typo);
      hl?.prefixes.push(vocab.words[id]!);
      if (asPrefix) expand(vocab.words[id]!, QUALITY.typo);
    }
  }
  // a lone stopword ("a", "of") matched everywhere would speckle every snippet; inside a phrase it is marked with the phrase
  if (hl && !stop) {
    if (asPrefix && word.length >= MIN_PREFIX) hl.prefixes.push(word);
    else for (const [id, q] of found) if (q <= QUALITY.stem) hl.exact.push(vocab.words[id]!);
  }
  // A word's forms weigh as one word (as a search engine treats synonyms): their
  // document frequencies add up. A rare form ("Kuberneteses") would otherwise
  // outweigh the word itself. Longer words a prefix starts count only when the
  // word has no forms of its own (a fragment: "kuber").
  let df = 0;
  for (const [id, q] of found) if (q <= QUALITY.stem) df += store.df(id);
  if (df === 0) for (const id of found.keys()) df += store.df(id);
  const weight = idf(Math.min(df, store.n), store.n);
  const terms: TermRef[] = [...found].map(([id, quality]) => ({ id, quality, idf: weight }));
  terms.sort((x, y) => x.quality - y.quality || x.id - y.id);
  let cost = 0;
  for (const t of terms) cost += scanCost(store, t.id);
  return { word, terms, stop, cost };
}

/**
 * English plural and singular forms, which people mean when they type either:
 * "pip" is also "pips", "layoffs" also "layoff", "company" also "companies".
 * Only forms that are words of the archive are used.
 */
export function inflections(word: string): string[] {
  // "-es" only where English adds it (bus, box, quiz, match, push): "pip" is not "pipes"
  const sibilant = /(?:s|x|z|ch|sh)$/;
  const out = [sibilant.test(word) ? `${word}es` : `${word}s`];
  if (word.length > 4 && word.endsWith('es') && sibilant.test(word.slice(0, -2))) out.push(word.slice(0, -2));
  else if (word.length > 4 && word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  else if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) out.push(word.slice(0, -1));
  if (word.length > 2 && /[^aeiou]y$/.test(word)) out.push(`${word.slice(0, -1)}ies`);
  return out;
}

function documentFrequency(store: SegmentStore, found: Map<number, number>): number {
  let df = 0;
  for (const id of found.keys()) df += store.df(id);
  return df;
}

/**
 * What scanning a word's lists costs, in postings: each list also costs a fixed
 * amount to start (a prefix like "wo" spans hundreds of words), and titles and
 * names add the segments they stand for.
 */
const LIST_OVERHEAD = 24;
function scanCost(store: SegmentStore, id: number): number {
  const df = store.df(id);
  let n = df > 0 ? df + LIST_OVERHEAD : 0;
  const sp = store.speakerOwners;
  for (let k = sp.start[id]!; k < sp.start[id + 1]!; k++) {
    const s = sp.list[k]!;
    n += store.speakerPositions.start[s + 1]! - store.speakerPositions.start[s]!;
  }
  return n + (store.chapterOwners.start[id + 1]! - store.chapterOwners.start[id]!) + (store.docOwners.start[id + 1]! - store.docOwners.start[id]!);
}

/** The typed content words, in order: what proximity measures the distance between. */
export function measuredWords(groups: readonly Group[], typed: number): Group[] {
  return groups.slice(0, typed).filter((g) => !g.stop && g.terms.length > 0);
}

/** A phrase whose last word is a prefix only failing a whole word (Phrase.fallback), settled against this archive. */
function asTyped(ph: Phrase, store: SegmentStore): Phrase {
  if (!ph.fallback) return ph;
  return { words: ph.words, prefix: store.vocab.id(ph.words[ph.words.length - 1]!) === undefined };
}

function resolvePhrase({ words, prefix }: Phrase, store: SegmentStore): PhraseIds | null {
  const ids: number[] = [];
  for (let i = 0; i < words.length - 1; i++) {
    const id = store.vocab.id(words[i]!);
    if (id === undefined) return null;
    ids.push(id);
  }
  const last = words[words.length - 1]!;
  const lastRange = prefix && last.length >= MIN_PREFIX ? store.vocab.prefixRange(last) : exactRange(store, last);
  if (lastRange[0] >= lastRange[1]) return null;
  const all = lastRange[1] - lastRange[0] === 1 ? [...ids, lastRange[0]] : ids; // a prefixed last word has no single id to pair
  const pairHashes = new Uint32Array(Math.max(0, all.length - 1));
  for (let i = 1; i < all.length; i++) pairHashes[i - 1] = pairHash(all[i - 1]!, all[i]!);
  return { words, ids, lastRange, pairHashes };
}

function exactRange(store: SegmentStore, word: string): [number, number] {
  const id = store.vocab.id(word);
  return id === undefined ? [0, 0] : [id, id + 1];
}
