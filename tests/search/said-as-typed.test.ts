import { describe, expect, it } from 'vitest';
import { PROXIMITY } from '@/lib/search/proximity';
import { parseQuery } from '@/lib/search/query';
import { resolveQuery } from '@/lib/search/terms';
import { buildSnippet } from '@/lib/search/snippet';
import { fixtureEngine } from './fixture-engine';

/**
 * A query of one content word among stopwords ("I quit", "that's it") has no
 * second word to measure proximity between: the passages that say the typed
 * words in order are its near ones, ahead of those that only hold the word.
 */

const fx = fixtureEngine(() => [
  {
    slug: 'talk',
    title: 'A talk',
    segments: [
      // more of the word, and shorter: BM25 alone puts these ahead of the third
      { text: 'They quit. Quit again, quit for good.', speaker: 'Ana' },
      { text: 'Quit? I never did quit.', speaker: 'Ben' },
      { text: 'After the reorg and the missed promotion I quit and took a month off to think about what comes next.', speaker: 'Ana' },
      { text: "Was that the end of it? That's it, we shipped.", speaker: 'Ben' },
      { text: "That's the plan, and it works.", speaker: 'Ana' },
    ],
  },
]);

const search = (q: string) => fx.engine.search(parseQuery(q), { limit: 20, offset: 0 });

describe('one content word among stopwords', () => {
  it('ranks the passage that says the words as typed first, the others after it', () => {
    // the first passage holds no "I": a stopword typed is still required
    const hits = search('i quit').hits;
    expect(hits.map((h) => h.pos)).toEqual([2, 1]);
    expect(hits.map((h) => h.tiers.proximity)).toEqual([PROXIMITY.adjacent, PROXIMITY.apart]);
  });

  it('reads a split word as part of what was typed ("that\'s it")', () => {
    const hits = search("that's it").hits;
    expect(hits.map((h) => h.pos)).toEqual([3, 4]);
    expect(hits.map((h) => h.tiers.proximity)).toEqual([PROXIMITY.adjacent, PROXIMITY.apart]);
  });

  it('leaves queries with two content words, or one word alone, to proximity as before', () => {
    expect(resolveQuery(parseQuery('quit promotion'), fx.engine.store).sequence).toBeNull();
    expect(resolveQuery(parseQuery('quit'), fx.engine.store).sequence).toBeNull();
    expect(resolveQuery(parseQuery('quit quit'), fx.engine.store).sequence).toBeNull();
    expect(resolveQuery(parseQuery('i quit'), fx.engine.store).sequence).not.toBeNull();
  });

  it('opens the snippet on the words as typed, marked whole', () => {
    const r = resolveQuery(parseQuery("that's it"), fx.engine.store);
    const text = `${'Some words before it all. '.repeat(12)}Was that the end? That's it, we shipped.`;
    expect(buildSnippet(text, r.highlight)).toContain('Was that the end? <mark>That&#39;s it</mark>, we shipped');
  });
});
