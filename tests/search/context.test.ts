import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LadderDb } from '@/db/client';
import { clearSearchIndexCache, getSearchIndex } from '@/db/search';
import { SearchEngine } from '@/lib/search/engine';
import { parseQuery } from '@/lib/search/query';
import { DEFAULT_RANK } from '@/lib/search/tiers';
import { makeFixtureDb, removeDb } from './fixture';

// The same chapter twice, titled "Postgres at scale": once by the source, once by Ladder (generated).
const chapter = (generated: boolean) => ({
  title: 'Postgres at scale',
  generated,
  segments: [
    { text: 'Right.' },
    // different words, or the two would be one text folded into one hit
    { text: `We moved the ${generated ? 'billing' : 'search'} tables off Postgres last year and never looked back, honestly.` },
  ],
});

let ladderDb: LadderDb;
beforeAll(() => {
  ladderDb = makeFixtureDb([
    { slug: 'source-titled', title: 'One', chapters: [chapter(false)] },
    { slug: 'ladder-titled', title: 'Two', chapters: [chapter(true)] },
  ]);
});
afterAll(() => {
  clearSearchIndexCache();
  removeDb(ladderDb);
});

function contextOf(engine: SearchEngine): Map<string, number> {
  const { store } = engine;
  const hits = engine.search(parseQuery('postgres'), { limit: 10, offset: 0 }).hits;
  const words = (ids: Iterable<number>) => [...ids].map((id) => store.vocab.words[id]).join(' ');
  return new Map(hits.map((h) => [`${words(store.meta.docs[store.a.doc[h.pos]!]!.title)}: ${words(store.tokensOf(h.pos))}`, h.tiers.context]));
}

describe('the context tier and chapter titles', () => {
  it("counts a source's chapter title, not one Ladder generated from the chapter's own words", () => {
    const engine = getSearchIndex(ladderDb)!.engine;
    const ctx = contextOf(engine);
    expect([...ctx.keys()].filter((k) => k.startsWith('one:'))).toHaveLength(2);
    expect([...ctx.keys()].filter((k) => k.startsWith('two:'))).toHaveLength(2);
    expect([...ctx.entries()].filter(([k]) => k.startsWith('one:')).every(([, c]) => c === 1)).toBe(true);
    expect([...ctx.entries()].filter(([k]) => k.startsWith('two:')).every(([, c]) => c === 0)).toBe(true);
  });

  it('counts generated titles too when the ranking is told to (the eval measures both)', () => {
    const engine = new SearchEngine(getSearchIndex(ladderDb)!.engine.store, { ...DEFAULT_RANK, generatedContext: true });
    expect([...contextOf(engine).values()].every((c) => c === 1)).toBe(true);
  });
});
