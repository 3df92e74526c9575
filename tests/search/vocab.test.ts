import { describe, expect, it } from 'vitest';
import { Vocabulary, withinOneEdit } from '@/lib/search/vocab';

describe('Vocabulary', () => {
  const v = Vocabulary.fromTokens(['promotion', 'promo', 'pip', 'promotions', 'pipeline', 'god', 'good', 'tokenmaxxing', 'zebra']);

  it('finds all words with a prefix as one id range', () => {
    const [lo, hi] = v.prefixRange('promo');
    expect(v.words.slice(lo, hi)).toEqual(['promo', 'promotion', 'promotions']);
    const [a, b] = v.prefixRange('nothing');
    expect(a).toBe(b);
  });

  it('finds typos one edit away', () => {
    const names = (w: string) => v.typos(w, () => true).map((id) => v.words[id]);
    expect(names('tokenmaxing')).toEqual(['tokenmaxxing']);
    expect(names('promotoin')).toEqual(['promotion']);
    expect(names('promtion')).toEqual(['promotion']);
    expect(names('zebar')).toEqual(['zebra']);
    expect(names('xyz')).toEqual([]); // too short to guess
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['abcd', 'abxd', true],
    ['abcd', 'abdc', true],
    ['abcd', 'abc', true],
    ['abc', 'abcd', true],
    ['abcd', 'abcd', false],
    ['abcd', 'badc', false],
    ['abcd', 'ab', false],
  ])('%s ~ %s: %s', (a, b, ok) => {
    expect(withinOneEdit(a, b)).toBe(ok);
  });
});
