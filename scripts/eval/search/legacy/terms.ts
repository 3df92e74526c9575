import { slotsLength, type FlexView, type Slots } from './flex';
import type { ParsedQuery, Phrase } from './query';
import { idf, MATCH_QUALITY } from './score';
import { FIELD_CHAPTER, FIELD_DOCUMENT, FIELD_SPEAKER, pairHash, type SegmentStore } from './store';
import { STOPWORDS } from './tokenize';
import type { Highlight } from './types';

/** A vocabulary word one query word stands for, with how well it matched. */
export interface TermRef {
  id: number;
  word: string;
  /** match quality × idf: what one match of this term is worth before field and slot weights */
  weight: number;
  /** its FlexSearch posting lists per field (score slots: only the text's carry a weight) */
  text: Slots | undefined;
  chapterTitle: Slots | undefined;
  documentTitle: Slots | undefined;
  speaker: Slots | undefined;
}

/** One query word: any of its terms satisfies it. */
export interface Group {
  word: string;
  terms: TermRef[];
  /** stopwords are not in FlexSearch: such a word is only checked on the token store */
  stop: boolean;
  /** what scanning all the terms' FlexSearch lists costs, in postings (see scanCost) */
  cost: number;
  /** largest term weight, for scaling topic boosts */
  maxWeight: number;
}

/** A phrase as vocabulary ids; the last word as an id range (one id, or a prefix block while it is being typed). */
export interface PhraseIds {
  words: string[];
  ids: number[];
  lastRange: [number, number];
  /** hashes of the phrase's adjacent word pairs, all set in the pair filter of a segment that has it */
  pairHashes: Uint32Array;
  /** which non-text fields could hold the phrase (all its exact words occur in some such field) */
  fields: number;
}

export interface ResolvedQuery {
  groups: Group[];
  phrases: PhraseIds[];
  /** a phrase word that occurs nowhere: the AND can only be empty */
  impossible: boolean;
  exclude: Group[];
  excludePhrases: PhraseIds[];
  highlight: Highlight;
}

/** Prefix search needs two letters: "p" alone would stand for a tenth of the vocabulary. */
const MIN_PREFIX = 2;

export function resolveQuery(q: ParsedQuery, flex: FlexView, store: SegmentStore): ResolvedQuery {
  const hl: Highlight = { exact: [], prefixes: [], phrases: [] };
  const seen = new Map<string, Group>();
  const groupFor = (word: string, prefix: boolean, typos: boolean): Group => {
    const key = `${word}\u0000${prefix}\u0000${typos}`;
    let g = seen.get(key);
    if (!g) seen.set(key, (g = resolveWord(word, prefix, typos, flex, store, hl)));
    return g;
  };
  const groups: Group[] = [];
  const addGroup = (g: Group) => {
    if (!groups.includes(g)) groups.push(g);
  };
  for (const w of q.words) addGroup(groupFor(w, true, true));
  const phrases: PhraseIds[] = [];
  let impossible = false;
  for (const ph of q.phrases) {
    const p = resolvePhrase(ph, store);
    if (!p) impossible = true;
    else phrases.push(p);
    hl.phrases.push(ph);
    ph.words.forEach((w, i) => {
      if (!STOPWORDS.has(w)) addGroup(groupFor(w, ph.prefix && i === ph.words.length - 1, false));
    });
  }
  const exclude = q.excludeWords.map((w) => resolveWord(w, true, false, flex, store, null));
  const excludePhrases = q.excludePhrases.map((p) => resolvePhrase(p, store)).filter((p): p is PhraseIds => p !== null);
  return { groups, phrases, impossible, exclude, excludePhrases, highlight: hl };
}

function resolveWord(word: string, prefix: boolean, typos: boolean, flex: FlexView, store: SegmentStore, hl: Highlight | null): Group {
  const { vocab } = store;
  const stop = STOPWORDS.has(word);
  const found = new Map<number, number>(); // id → quality
  const exact = vocab.id(word);
  if (exact !== undefined) found.set(exact, MATCH_QUALITY.exact);
  // a stopword matches itself only: as a prefix it would drag in half the language
  const expand = (w: string, quality: number) => {
    if (stop || w.length < MIN_PREFIX) return;
    const [lo, hi] = vocab.prefixRange(w);
    for (let id = lo; id < hi; id++) if (!found.has(id) && !store.isStop[id]) found.set(id, quality);
  };
  if (prefix) expand(word, MATCH_QUALITY.prefix);
  if (found.size === 0 && typos && !stop) {
    for (const id of vocab.typos(word, (i) => !store.isStop[i])) {
      found.set(id, MATCH_QUALITY.typo);
      hl?.prefixes.push(vocab.words[id]!);
      expand(vocab.words[id]!, MATCH_QUALITY.typo * MATCH_QUALITY.prefix);
    }
  }
  // a lone stopword ("a", "of") matched everywhere would speckle every snippet; inside a phrase it is marked with the phrase
  if (hl && !stop) {
    if (prefix && word.length >= MIN_PREFIX) hl.prefixes.push(word);
    else hl.exact.push(word);
  }
  const terms: TermRef[] = [];
  let cost = 0;
  let maxWeight = 0;
  for (const [id, quality] of found) {
    const w = vocab.words[id]!;
    const text = flex.slots('text', w);
    const weight = quality * idf(slotsLength(text), store.n);
    // most words are in no title and no name: skip those lookups
    const fields = store.fieldsOf[id]!;
    const ref: TermRef = {
      id,
      word: w,
      weight,
      text,
      chapterTitle: fields & FIELD_CHAPTER ? flex.slots('chapterTitle', w) : undefined,
      documentTitle: fields & FIELD_DOCUMENT ? flex.slots('documentTitle', w) : undefined,
      speaker: fields & FIELD_SPEAKER ? flex.slots('speaker', w) : undefined,
    };
    cost += scanCost(text) + scanCost(ref.chapterTitle) + scanCost(ref.documentTitle) + scanCost(ref.speaker);
    maxWeight = Math.max(maxWeight, weight);
    terms.push(ref);
  }
  return { word, terms, stop, cost, maxWeight };
}

/**
 * What scanning some lists costs, in postings: each list also costs a fixed
 * amount to start (a prefix like "wo" spans hundreds of terms and thousands of
 * short lists, which then cost more than their postings say).
 */
const LIST_OVERHEAD = 24;
function scanCost(slots: Slots | undefined): number {
  let n = 0;
  if (slots) for (const ids of slots) if (ids && ids.length > 0) n += ids.length + LIST_OVERHEAD;
  return n;
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
  let fields = 7;
  for (const id of all) fields &= store.fieldsOf[id]!;
  return { words, ids, lastRange, pairHashes, fields };
}

function exactRange(store: SegmentStore, word: string): [number, number] {
  const id = store.vocab.id(word);
  return id === undefined ? [0, 0] : [id, id + 1];
}
