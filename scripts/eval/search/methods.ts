import type { LadderDb } from '@/db/client';
import { buildFromDb } from '@/db/search/index-store';
import { SearchEngine } from '@/lib/search/engine';
import { parseQuery } from '@/lib/search/query';

/** A ranking under evaluation: segment ids for a query, best first. */
export interface Method {
  name: string;
  search(q: string, limit: number): number[];
}

/** Ladder as the app runs it: the index built from the database, the engine's own order. */
export function currentSearch(ladder: LadderDb): Method & { engine: SearchEngine } {
  const engine = new SearchEngine(buildFromDb(ladder).built.store);
  return { ...engineMethod('ladder', engine), engine };
}

export function engineMethod(name: string, engine: SearchEngine): Method {
  return {
    name,
    search(q, limit) {
      const r = engine.search(parseQuery(q), { limit, offset: 0 });
      return r.hits.map((h) => engine.store.a.segmentId[h.pos]!);
    },
  };
}
