import { describe, expect, it } from 'vitest';
import { parseQuery } from '@/lib/search/query';
import { fixtureEngine } from './fixture-engine';

/**
 * A word the tokenizer splits ("we're", "promo-hack") is a phrase of its parts.
 * Its last part is read as the start of longer words only while it is being
 * typed, and never after an apostrophe, where it is a word of its own.
 */

const fx = fixtureEngine(() => [
  {
    slug: 'talk',
    title: 'A talk',
    segments: [
      { text: "We're hiring two engineers this spring.", speaker: 'Ana' },
      { text: 'We really need people who can review code.', speaker: 'Ben' },
      { text: 'We recently started hiring again.', speaker: 'Ana' },
      { text: 'The promo-hacking crowd games every review.', speaker: 'Ben' },
      { text: "O'Reilly published the book.", speaker: 'Ana' },
      { text: 'A quick hack fixed the build.', speaker: 'Ben' },
    ],
  },
]);

const texts = (q: string) =>
  fx.engine.search(parseQuery(q), { limit: 20, offset: 0 }).hits.map((h) => fx.engine.store.a.doc[h.pos] === 0 && h.pos);

describe('parseQuery: a split word', () => {
  it('reads its last part as a prefix only when it ends the input and no apostrophe split it', () => {
    expect(parseQuery('promo-hack').phrases).toEqual([{ words: ['promo', 'hack'], prefix: true }]);
    expect(parseQuery('promo-hack review').phrases).toEqual([{ words: ['promo', 'hack'], prefix: true, fallback: true }]);
    expect(parseQuery("we're").phrases).toEqual([{ words: ['we', 're'], prefix: true, fallback: true }]);
    expect(parseQuery("we\u2019re hiring").phrases).toEqual([{ words: ['we', 're'], prefix: true, fallback: true }]);
    expect(parseQuery('"staff pro').phrases).toEqual([{ words: ['staff', 'pro'], prefix: true }]);
  });
});

describe('searching a split word', () => {
  it("finds \"we're\" as typed, not \"we really\" or \"we recently\"", () => {
    expect(texts("we're hiring")).toEqual([0]);
    expect(texts("we're")).toEqual([0]);
  });

  it('still completes the last part while it is typed, or when it is no word of the archive', () => {
    expect(texts('promo-hack')).toEqual([3]);
    expect(texts("o'reil")).toEqual([4]);
    // typed in full and followed by more, a last part that is a word of the archive is meant whole:
    // no passage says "promo hack", so what comes back is the partial matches
    const more = fx.engine.search(parseQuery('promo-hack review'), { limit: 20, offset: 0 });
    expect(more.fallback).toBe(true);
  });
});
