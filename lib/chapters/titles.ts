import type { PreparedDocument } from './prepare';
import type { TermStats } from './terms';
import { isNounPhrase, wordClasses } from './word-classes';

export const MAX_TITLE = 48;

/** Words kept lower-case inside a title. */
const MINOR = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'via', 'with']);
/** Candidates per chapter that are looked at (and so tagged). */
const SHORTLIST = 10;

interface Phrase {
  ids: number[];
  /** token index of each occurrence's first word */
  at: number[];
  score: number;
  /** lower-case words as first written */
  words: string[];
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
export function titleChapters(doc: PreparedDocument, stats: TermStats, starts: readonly number[]): string[] {
  const { terms } = doc;
  const docCount = new Map<number, number>();
  for (let i = 0; i < terms.length; i++) docCount.set(terms[i]!, (docCount.get(terms[i]!) ?? 0) + 1);
  const shortlists = starts.map((u, c) => {
    const from = doc.units[u]!.tokenStart;
    const to = c + 1 < starts.length ? doc.units[starts[c + 1]!]!.tokenStart : terms.length;
    return rankPhrases(doc, stats, docCount, from, to);
  });
  wordClasses.learn(shortlists.flatMap((list) => list.flatMap((p) => p.words)));
  const used = new Set<string>();
  const usedTerms = new Set<number>();
  return shortlists.map((list, c) => {
    // a word already in an earlier title makes a weaker case for this one
    const ranked = list.map((p) => ({ ...p, score: p.score * (p.ids.some((id) => usedTerms.has(id)) ? 0.5 : 1) })).sort((a, b) => b.score - a.score);
    return pickTitle(doc, ranked, used, usedTerms) ?? fallbackTitle(c, used);
  });
}

function rankPhrases(doc: PreparedDocument, stats: TermStats, docCount: ReadonlyMap<number, number>, from: number, to: number): Phrase[] {
  const { terms, joined } = doc;
  const phrases = new Map<string, Phrase>();
  const inChapter = new Map<number, number>();
  for (let i = from; i < to; i++) {
    inChapter.set(terms[i]!, (inChapter.get(terms[i]!) ?? 0) + 1);
    let key = '';
    for (let n = 1; n <= 3 && i + n <= to; n++) {
      if (n > 1 && !joined[i + n - 1]) break;
      key += `${terms[i + n - 1]},`;
      let p = phrases.get(key);
      if (!p) phrases.set(key, (p = { ids: Array.from(terms.subarray(i, i + n)), at: [], score: 0, words: [] }));
      p.at.push(i);
    }
  }
  // with enough documents, a word most of the archive uses names nothing on its own
  const frequent = (id: number) => stats.docs >= 20 && stats.df(id) / stats.docs > 0.3;
  const ranked: Phrase[] = [];
  for (const p of phrases.values()) {
    // said once is a passing mention, not what the chapter is about
    if (p.at.length < 2 || p.ids.every(frequent) || new Set(p.ids).size < p.ids.length) continue;
    let weight = 0;
    let spread = 1;
    for (const id of p.ids) {
      weight += Math.sqrt(stats.idf(id));
      spread *= (inChapter.get(id) ?? 0) / (docCount.get(id) ?? 1);
    }
    spread = Math.pow(spread, 1 / p.ids.length);
    p.score = p.at.length * weight * (0.35 + spread);
    ranked.push(p);
  }
  ranked.sort((a, b) => b.score - a.score || a.at[0]! - b.at[0]!);
  const short = ranked.slice(0, SHORTLIST);
  for (const p of short) p.words = p.ids.map((_, k) => writtenAt(doc, p.at[0]! + k).toLowerCase());
  return short;
}

function writtenAt(doc: PreparedDocument, i: number): string {
  return doc.input.segments[doc.seg[i]!]!.text.slice(doc.at[i]!, doc.at[i]! + doc.len[i]!);
}

function nounPhrase(p: Phrase): boolean {
  return isNounPhrase(p.words.map((w) => wordClasses.get(w)));
}

function pickTitle(doc: PreparedDocument, ranked: readonly Phrase[], used: Set<string>, usedTerms: Set<number>): string | null {
  const names = ranked.filter(nounPhrase);
  for (let r = 0; r < names.length; r++) {
    const first = names[r]!;
    const head = surface(doc, first);
    if (head.length > MAX_TITLE || used.has(head.toLowerCase())) continue;
    let title = head;
    const second = names.slice(r + 1).find((p) => p.score >= first.score * 0.75 && p.ids.every((id) => !first.ids.includes(id)));
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
