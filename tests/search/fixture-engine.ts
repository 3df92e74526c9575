import { afterAll, beforeAll } from 'vitest';
import type { LadderDb } from '@/db/client';
import { clearSearchIndexCache, getSearchIndex } from '@/db/search';
import type { SearchEngine } from '@/lib/search/engine';
import { makeFixtureDb, removeDb, type FixtureDoc } from './fixture';

/** A fixture archive and its engine for the tests of one file: made before them, removed after them. */
export function fixtureEngine(docs: () => FixtureDoc[]): { readonly engine: SearchEngine; readonly ladderDb: LadderDb } {
  const held = {} as { engine: SearchEngine; ladderDb: LadderDb };
  beforeAll(() => {
    held.ladderDb = makeFixtureDb(docs());
    held.engine = getSearchIndex(held.ladderDb).engine;
  });
  afterAll(() => {
    clearSearchIndexCache();
    removeDb(held.ladderDb);
  });
  return held;
}
