import { describe, expect, it } from 'vitest';
import { isEmptyQuery, parseQuery } from '@/lib/search/query';
import { tokenize } from '@/lib/search/tokenize';

describe('parseQuery', () => {
  it('splits words, lower-cased and without accents or punctuation', () => {
    expect(parseQuery('Promo  CAFÉ, pip?')).toEqual({ words: ['promo', 'cafe', 'pip'], open: 'pip', phrases: [], sequence: ['promo', 'cafe', 'pip'], excludeWords: [], excludePhrases: [] });
  });

  it('drops repeated words', () => {
    expect(parseQuery('promo Promo promo').words).toEqual(['promo']);
  });

  it('reads quoted phrases as exact, and an unclosed quote as still being typed', () => {
    expect(parseQuery('"staff promo" packet').phrases).toEqual([{ words: ['staff', 'promo'], prefix: false }]);
    expect(parseQuery('"staff promo" packet').words).toEqual(['packet']);
    expect(parseQuery('packet "staff pro').phrases).toEqual([{ words: ['staff', 'pro'], prefix: true }]);
  });

  it('accepts typographic quotes', () => {
    expect(parseQuery('\u201cstaff promo\u201d').phrases).toEqual([{ words: ['staff', 'promo'], prefix: false }]);
  });

  it('treats a one-word quote as a word and a hyphenated word as a phrase', () => {
    expect(parseQuery('"promo"').words).toEqual(['promo']);
    expect(parseQuery('promo-hacking').phrases).toEqual([{ words: ['promo', 'hacking'], prefix: true }]);
  });

  it('reads -word and -"phrase" as exclusions, but not a lone dash', () => {
    const q = parseQuery('promo -meta -"staff eng" - x');
    expect(q.words).toEqual(['promo', 'x']);
    expect(q.excludeWords).toEqual(['meta']);
    expect(q.excludePhrases).toEqual([{ words: ['staff', 'eng'], prefix: false }]);
  });

  it('knows when nothing is asked for', () => {
    expect(isEmptyQuery(parseQuery(''))).toBe(true);
    expect(isEmptyQuery(parseQuery('-meta'))).toBe(true);
    expect(isEmptyQuery(parseQuery('"" ,,'))).toBe(true);
    expect(isEmptyQuery(parseQuery('meta'))).toBe(false);
  });

  it('reads at most 200 characters', () => {
    expect(parseQuery(`${'a'.repeat(199)} zebra`).words).toEqual(['a'.repeat(199)]);
  });
});

describe('tokenize', () => {
  it('agrees on ASCII and non-ASCII text', () => {
    expect(tokenize("It's IC7 at Meta — A/B tests")).toEqual(['it', 's', 'ic7', 'at', 'meta', 'a', 'b', 'tests']);
    expect(tokenize('Café Zürich naïve')).toEqual(['cafe', 'zurich', 'naive']);
  });
});
