import { FIELDS, slotsLength, type FlexView } from './flex';
import type { ParsedQuery } from './query';
import { FIELD_WEIGHT, idf, MATCH_QUALITY, slotWeight } from './score';
import type { SegmentStore } from './store';
import { STOPWORDS } from './tokenize';
import type { Highlight } from './types';

/** A vocabulary word one query word stands for, with how well it matched. */
export interface TermRef {
  id: number;
  word: string;
  /** match quality × idf: what one match of this term is worth before field and slot weights */
  weight: number;
  /** its FlexSearch posting lists, one per (field, score slot), each with the full weight of a match in it */
  lists: { ids: readonly number[]; weight: number }[];
}

/** One query word: any of its terms satisfies it. */
export interface Group {
  word: string;
  terms: TermRef[];
  /** stopwords are not in FlexSearch: such a word is only checked on the token store */
  stop: boolean;
  /** posting-list entries FlexSearch holds for all the terms (what scanning them costs) */
  cost: number;
  /** largest term weight, for scaling topic boosts */
  maxWeight: number;
}

/** A phrase as vocabulary ids; the last word may be a prefix (so typing `"staff pro` already works). */
export interface PhraseIds {
  words: string[];
  ids: number[];
  lastRange: [number, number];
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
  for (const words of q.phrases) {
    const p = resolvePhrase(words, store);
    if (!p) impossible = true;
    else phrases.push(p);
    hl.phrases.push(words);
    words.forEach((w, i) => {
      if (!STOPWORDS.has(w)) addGroup(groupFor(w, i === words.length - 1, false));
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
  if (hl) {
    if (prefix && !stop && word.length >= MIN_PREFIX) hl.prefixes.push(word);
    else hl.exact.push(word);
  }
  const terms: TermRef[] = [];
  let cost = 0;
  let maxWeight = 0;
  for (const [id, quality] of found) {
    const w = vocab.words[id]!;
    const df = slotsLength(flex.slots('text', w));
    const weight = quality * idf(df, store.n);
    const lists: TermRef['lists'] = [];
    for (const f of FIELDS) {
      const slots = flex.slots(f, w);
      if (!slots) continue;
      slots.forEach((ids, slot) => {
        if (!ids || ids.length === 0) return;
        lists.push({ ids, weight: FIELD_WEIGHT[f] * weight * (f === 'text' ? slotWeight(slot) : 1) });
        cost += ids.length;
      });
    }
    maxWeight = Math.max(maxWeight, weight);
    terms.push({ id, word: w, weight, lists });
  }
  return { word, terms, stop, cost, maxWeight };
}

function resolvePhrase(words: string[], store: SegmentStore): PhraseIds | null {
  const ids: number[] = [];
  for (let i = 0; i < words.length - 1; i++) {
    const id = store.vocab.id(words[i]!);
    if (id === undefined) return null;
    ids.push(id);
  }
  const last = words[words.length - 1]!;
  const lastRange = last.length >= MIN_PREFIX ? store.vocab.prefixRange(last) : exactRange(store, last);
  if (lastRange[0] >= lastRange[1]) return null;
  return { words, ids, lastRange };
}

function exactRange(store: SegmentStore, word: string): [number, number] {
  const id = store.vocab.id(word);
  return id === undefined ? [0, 0] : [id, id + 1];
}
