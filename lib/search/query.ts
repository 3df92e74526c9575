import { tokenize } from './tokenize';

/**
 * The query language: words are ANDed and matched as prefixes, `"quoted phrases"`
 * must appear in that order, `-word` (or `-"a phrase"`) excludes. Anything that
 * tokenizes into several words ("promo-hacking", "A/B") is a phrase, since that is
 * what the person typed.
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
  excludeWords: string[];
  excludePhrases: Phrase[];
}

/**
 * Normalized words of two or more, in order. Quoted words match exactly; the
 * last word is a prefix only while it is still being typed (no closing quote
 * yet) or when the phrase is a hyphenated word ("promo-hack" → promo-hacking).
 */
export interface Phrase {
  words: string[];
  prefix: boolean;
}

export const MAX_QUERY_LENGTH = 200;

// typographic quotes (what phones and word processors type) count as plain ones
const QUOTES = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g;

export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { words: [], open: null, phrases: [], excludeWords: [], excludePhrases: [] };
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
    const tokens = tokenize(text.slice(i, end));
    add(q, tokens, negate, true);
    q.open = !negate && tokens.length === 1 && end === text.length ? tokens[0]! : null;
    i = end;
  }
  if (i > 0 && /\s|"/.test(text[text.length - 1] ?? '')) q.open = null;
  return q;
}

function add(q: ParsedQuery, tokens: string[], negate: boolean, prefix: boolean): void {
  if (tokens.length === 0) return;
  if (tokens.length === 1) {
    const list = negate ? q.excludeWords : q.words;
    if (!list.includes(tokens[0]!)) list.push(tokens[0]!);
    return;
  }
  const list = negate ? q.excludePhrases : q.phrases;
  if (!list.some((p) => p.words.join(' ') === tokens.join(' ') && p.prefix === prefix)) list.push({ words: tokens, prefix });
}

/** True when the query asks for nothing (blank, or only exclusions). */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.words.length === 0 && q.phrases.length === 0;
}
