import type { PreparedDocument } from './prepare';
import type { TermStats } from './terms';
import { isNounPhrase, wordClasses } from './word-classes';

export const MAX_TITLE = 48;

/** Words kept lower-case inside a title. */
const MINOR = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'via', 'with']);
/** Candidates per chapter that are looked at, and how many of them are tagged up front. */
const SHORTLIST = 10;
const FIRST_TAGGED = 4;

interface Phrase {
  ids: number[];
  /** token index of each occurrence's first word */
  at: number[];
  score: number;
  /** lower-case words as first written; null for a name (capitalised mid-sentence), which needs no tagger */
  words: (string | null)[];
}

/**
 * Titles for the chapters of one document, in order. A chapter's title is the
 * noun phrase (up to three content words with no stopword or punctuation between
 * them, ending in a noun) that best marks it out: said more than once in the
 * chapter, rare in the archive (inverse document frequency), and concentrated
 * in this chapter rather than spread over the whole episode. A runner-up that
 * shares no word joins it ("Sprite Sheets and Winamp Skins") when it is nearly
 * as strong and the two fit in 48 characters. Titles are unique in a document.
 */
export function titleChapters(doc: PreparedDocument, stats: TermStats, idfs: Float64Array, starts: readonly number[]): string[] {
  const { terms, vocab } = doc;
  const v = vocab.length;
  const docCount = new Int32Array(v);
  for (let i = 0; i < terms.length; i++) docCount[terms[i]!]!++;
  const idf = new Float64Array(v);
  const frequent = new Uint8Array(v);
  for (let t = 0; t < v; t++) {
    idf[t] = Math.sqrt(idfs[t]!);
    // with enough documents, a word most of the archive uses names nothing on its own
    frequent[t] = stats.docs >= 20 && stats.df(vocab[t]!) / stats.docs > 0.3 ? 1 : 0;
  }
  const weights: Weights = { docCount, idf, frequent, inChapter: new Int32Array(v), seed: new Uint8Array(v) };
  const shortlists = starts.map((u, c) => {
    const from = doc.units[u]!.tokenStart;
    const to = c + 1 < starts.length ? doc.units[starts[c + 1]!]!.tokenStart : terms.length;
    return rankPhrases(doc, weights, from, to);
  });
  // tagging costs ~20 µs a word: the words of the likeliest few first, the rest only for a chapter that needs them
  wordClasses.learn(shortlists.flatMap((list) => list.slice(0, FIRST_TAGGED).flatMap((p) => p.words.filter((w) => w !== null))));
  const used = new Set<string>();
  const usedTerms = new Set<number>();
  return shortlists.map((list, c) => {
    // a word already in an earlier title makes a weaker case for this one
    const ranked = list.map((p) => ({ ...p, score: p.score * (p.ids.some((id) => usedTerms.has(id)) ? 0.5 : 1) })).sort((a, b) => b.score - a.score);
    // no noun phrase said twice: the strongest phrase as it is, and only then a numbered part
    return pickTitle(doc, ranked, used, usedTerms) ?? pickFrom(doc, ranked, used, usedTerms, true) ?? fallbackTitle(c, used);
  });
}

interface Weights {
  docCount: Int32Array;
  /** damped inverse document frequency by local term id */
  idf: Float64Array;
  frequent: Uint8Array;
  /** zeroed scratch, left zeroed */
  inChapter: Int32Array;
  seed: Uint8Array;
}

/** Single words are ranked first; phrases are only counted around the best of them, which keeps a chapter O(tokens). */
const SEED_WORDS = 8;

function rankPhrases(doc: PreparedDocument, w: Weights, from: number, to: number): Phrase[] {
  const { terms, joined } = doc;
  const { inChapter } = w;
  const touched: number[] = [];
  for (let i = from; i < to; i++) {
    const t = terms[i]!;
    if (inChapter[t]!++ === 0) touched.push(t);
  }
  const spread = (t: number) => inChapter[t]! / w.docCount[t]!;
  const seeds = touched
    .filter((t) => inChapter[t]! >= 2)
    .map((t) => ({ t, score: inChapter[t]! * w.idf[t]! * (0.35 + spread(t)) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, SEED_WORDS)
    .map((x) => x.t);
  const { seed } = w;
  for (const t of seeds) seed[t] = 1;
  // numeric keys: a word, a pair or a triple of local ids
  const v = w.idf.length;
  const triples = v < 200_000;
  const phrases = new Map<number, Phrase>();
  const add = (key: number, i: number, n: number) => {
    let p = phrases.get(key);
    if (!p) phrases.set(key, (p = { ids: Array.from(terms.subarray(i, i + n)), at: [], score: 0, words: [] }));
    p.at.push(i);
  };
  for (let i = from; i < to; i++) {
    const t1 = terms[i]!;
    const s1 = seed[t1] === 1;
    if (s1) add(t1, i, 1);
    if (i + 1 >= to || !joined[i + 1]) continue;
    const t2 = terms[i + 1]!;
    const s2 = s1 || seed[t2] === 1;
    if (s2) add(v + t1 * v + t2, i, 2);
    if (!triples || i + 2 >= to || !joined[i + 2]) continue;
    const t3 = terms[i + 2]!;
    if (s2 || seed[t3] === 1) add(v + v * v + (t1 * v + t2) * v + t3, i, 3);
  }
  for (const t of seeds) seed[t] = 0;
  const ranked: Phrase[] = [];
  for (const p of phrases.values()) {
    // said once is a passing mention, not what the chapter is about
    if (p.at.length < 2 || p.ids.every((t) => w.frequent[t]) || new Set(p.ids).size < p.ids.length) continue;
    let weight = 0;
    let share = 1;
    for (const t of p.ids) {
      weight += w.idf[t]!;
      share *= spread(t);
    }
    // repetition counts for more than rarity: the subject of a chapter is named again and again
    p.score = Math.pow(p.at.length, 1.3) * weight * (0.35 + Math.pow(share, 1 / p.ids.length));
    ranked.push(p);
  }
  // a word that is nearly always said as part of one phrase ("boot" in "boot camp") stands for the phrase
  const single = new Map<number, Phrase>();
  for (const p of ranked) if (p.ids.length === 1) single.set(p.ids[0]!, p);
  for (const p of ranked) {
    if (p.ids.length === 1) continue;
    for (const t of p.ids) {
      const word = single.get(t);
      if (!word || p.at.length < 0.6 * word.at.length) continue;
      p.score = Math.max(p.score, word.score);
      word.score = 0;
    }
  }
  for (const t of touched) inChapter[t] = 0;
  ranked.sort((a, b) => b.score - a.score || a.at[0]! - b.at[0]!);
  const short = ranked.filter((p) => p.score > 0).slice(0, SHORTLIST);
  for (const p of short) p.words = p.ids.map((_, k) => (isName(doc, p, k) ? null : writtenAt(doc, p.at[0]! + k).toLowerCase()));
  return short;
}

function writtenAt(doc: PreparedDocument, i: number): string {
  return doc.input.segments[doc.seg[i]!]!.text.slice(doc.at[i]!, doc.at[i]! + doc.len[i]!);
}

function nounPhrase(p: Phrase): boolean {
  return isNounPhrase(p.words.map((w) => (w === null ? 'noun' : wordClasses.get(w))));
}

/** Word k of the phrase is written with a capital where no sentence starts, at most of its uses: a name. */
function isName(doc: PreparedDocument, p: Phrase, k: number): boolean {
  let mid = 0;
  let capital = 0;
  for (const at of p.at) {
    const i = at + k;
    if (doc.opens[i]) continue;
    mid++;
    const c = doc.input.segments[doc.seg[i]!]!.text.charCodeAt(doc.at[i]!);
    if (c >= 65 && c <= 90) capital++;
  }
  return mid > 0 && capital * 2 > mid;
}

function pickTitle(doc: PreparedDocument, ranked: readonly Phrase[], used: Set<string>, usedTerms: Set<number>): string | null {
  return pickFrom(doc, ranked.slice(0, FIRST_TAGGED), used, usedTerms) ?? pickFrom(doc, learned(ranked.slice(FIRST_TAGGED)), used, usedTerms);
}

function learned(phrases: readonly Phrase[]): readonly Phrase[] {
  wordClasses.learn(phrases.flatMap((p) => p.words.filter((w) => w !== null)));
  return phrases;
}

function pickFrom(doc: PreparedDocument, ranked: readonly Phrase[], used: Set<string>, usedTerms: Set<number>, anyPhrase = false): string | null {
  const names = anyPhrase ? ranked : ranked.filter(nounPhrase);
  for (let r = 0; r < names.length; r++) {
    const first = names[r]!;
    const head = surface(doc, first);
    if (head.length > MAX_TITLE || used.has(head.toLowerCase())) continue;
    let title = head;
    const second = names.slice(r + 1).find((p) => p.score >= first.score * 0.9 && p.ids.every((id) => !first.ids.includes(id)));
    if (second) {
      const both = `${head} and ${surface(doc, second)}`;
      if (both.length <= MAX_TITLE && !used.has(both.toLowerCase())) title = both;
    }
    used.add(title.toLowerCase());
    for (const id of first.ids) usedTerms.add(id);
    return title;
  }
  return null;
}

function fallbackTitle(index: number, used: Set<string>): string {
  let n = index + 1;
  while (used.has(`part ${n}`)) n++;
  used.add(`part ${n}`);
  return `Part ${n}`;
}

/**
 * How the phrase is written: a word keeps its capitals when it has them where no
 * sentence starts (a name: "GitHub", "AWS"); other words are title-cased.
 */
function surface(doc: PreparedDocument, p: Phrase): string {
  const words = p.ids.map((_, k) => {
    const forms = new Map<string, number>();
    let capitalised = 0;
    let midSentence = 0;
    for (const at of p.at) {
      const text = writtenAt(doc, at + k);
      forms.set(text, (forms.get(text) ?? 0) + 1);
      if (!doc.opens[at + k]) {
        midSentence++;
        if (text !== text.toLowerCase()) capitalised++;
      }
    }
    const byUse = [...forms.entries()].sort((a, b) => b[1] - a[1]).map(([f]) => f);
    const proper = byUse.find((f) => f !== f.toLowerCase());
    if (proper && midSentence > 0 && capitalised * 2 >= midSentence) return proper;
    return byUse[0]!.toLowerCase();
  });
  return words.map((w, i) => (i > 0 && MINOR.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(' ');
}
