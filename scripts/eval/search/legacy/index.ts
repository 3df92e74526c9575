import type { LadderDb } from '@/db/client';
import { buildIndex } from './build';
import { SearchEngine } from './engine';
import { FlexView } from './flex';
import { parseQuery } from './query';
import { readIndexSource } from './source';

/**
 * "Today's ranking" for `npm run eval`: the engine as it was at commit b601ecc
 * (FlexSearch posting lists, one BM25-and-boosts score, every word a prefix),
 * frozen here so the judged set can compare it with the current engine in the
 * same run. Not used by the app.
 */
export interface LegacySearch {
  /** segment ids, best first */
  search(q: string, limit: number): number[];
}

export function buildLegacySearch(ladderDb: LadderDb): LegacySearch {
  const built = ladderDb.sqlite.transaction(() => {
    const source = readIndexSource(ladderDb);
    return buildIndex(source.catalog, source.segments);
  })();
  const engine = new SearchEngine(new FlexView(built.flex), built.store);
  return {
    search(q, limit) {
      const r = engine.search(parseQuery(q), { limit, offset: 0 });
      return r.hits.map((h) => built.store.a.segmentId[h.pos]!);
    },
  };
}
