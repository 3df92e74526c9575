import { tokenize } from './tokenize';

/**
 * The query language: words are ANDed and matched as prefixes, `"quoted phrases"`
 * must appear in that order, `-word` (or `-"a phrase"`) excludes. Anything that
 * tokenizes into several words ("promo-hacking", "A/B", "we're") is a phrase, since
 * that is what the person typed.
 */
export interface ParsedQuery {
  /** normalized single words, in order, without duplicates */
  words: string[];
  /**
   * The word that ends the input, still being typed: it also matches as the
   * start of longer words. Null when the input ends with a space, a quote, a
   * phrase or an exclusion. Other words match whole (see terms.ts).
   */
  open: string | null;
  phrases: Phrase[];
  /** the words typed outside quotes and exclusions, in order and with repeats (a split word's parts too) */
  sequence: string[];
  excludeWords: string[];
  excludePhrases: Phrase[];
}

/**
 * Normalized words of two or more, in order. Quoted words match exactly; the
 * last word is a prefix while it is still being typed (no closing quote yet, or
 * a hyphenated word that ends the input: "promo-hack" → promo-hacking).
 */
export interface Phrase {
  words: string[];
  prefix: boolean;
  /**
   * With `prefix`: the last word is read as a prefix only when it is no whole
   * word of the archive, as for a single word typed in full. So it is for a
   * split word that does not end the input, and for one split at an apostrophe,
   * whose last part is a word in itself ("we're": "re", never "really").
   */
  fallback?: boolean;
}

export const MAX_QUERY_LENGTH = 200;

// typographic quotes (what phones and word processors type) count as plain ones
const QUOTES = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g;

export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { words: [], open: null, phrases: [], sequence: [], excludeWords: [], excludePhrases: [] };
  const text = input.slice(0, MAX_QUERY_LENGTH).replace(QUOTES, '"');
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const negate = c === '-' && i + 1 < text.length && !/\s/.test(text[i + 1]!);
    if (negate) i++;
    if (text[i] === '"') {
      // an unclosed quote runs to the end: people type the closing quote last
      const close = text.indexOf('"', i + 1);
      const end = close === -1 ? text.length : close;
      add(q, tokenize(text.slice(i + 1, end)), negate, close === -1);
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end]!) && text[end] !== '"') end++;
    const raw = text.slice(i, end);
    const tokens = tokenize(raw);
    const last = !negate && end === text.length;
    add(q, tokens, negate, true, !last || APOSTROPHE.test(raw));
    if (!negate) q.sequence.push(...tokens);
    q.open = last && tokens.length === 1 ? tokens[0]! : null;
    i = end;
  }
  if (i > 0 && /\s|"/.test(text[text.length - 1] ?? '')) q.open = null;
  return q;
}

const APOSTROPHE = /['\u2019\u02bc]/;

function add(q: ParsedQuery, tokens: string[], negate: boolean, prefix: boolean, fallback = false): void {
  if (tokens.length === 0) return;
  if (tokens.length === 1) {
    const list = negate ? q.excludeWords : q.words;
    if (!list.includes(tokens[0]!)) list.push(tokens[0]!);
    return;
  }
  const list = negate ? q.excludePhrases : q.phrases;
  const phrase: Phrase = prefix && fallback ? { words: tokens, prefix, fallback } : { words: tokens, prefix };
  if (!list.some((p) => p.words.join(' ') === tokens.join(' ') && p.prefix === prefix && p.fallback === phrase.fallback)) list.push(phrase);
}

/** True when the query asks for nothing (blank, or only exclusions). */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.words.length === 0 && q.phrases.length === 0;
}
