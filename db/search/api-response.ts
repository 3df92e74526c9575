import { Lru } from '@/lib/cache/lru';
import { parseSearchParams } from '@/lib/search/params';
import { getServerDb } from '../client';
import { getServingIndex, servingVersion } from './index-store';
import { searchSegments } from './search-segments';

export interface SearchApiResponse {
  status: number;
  /** JSON text: the search response, or `{ "error": … }` */
  body: string;
  /** whether the body came from the response cache; null for errors, which are never cached */
  cache: 'hit' | 'miss' | null;
}

/*
 * Not under db/queries: the API is a Pages Router route, where `server-only`
 * throws (it is for the React Server Components build only).
 *
 * Serialised responses, keyed by database, content version and the parsed
 * parameters. People repeat searches (a topic link, a shared URL, paging back),
 * and under load the JSON for a repeated search is most of a request's cost
 * after the framework's own. A new import changes the content version, and a
 * newly loaded index the serving version: either empties the cache, so a cached
 * answer is never older than what the server would answer now.
 */
const responses = new Lru<string>({ maxEntries: 5_000, maxSize: 32 * 1024 * 1024, sizeOf: (body) => body.length * 2 });

/** GET /api/search: validates the query string and answers with the search JSON, or a 400 naming the bad parameter. */
export async function getSearchApiResponse({ query }: { query: string }): Promise<SearchApiResponse> {
  const parsed = parseSearchParams(new URLSearchParams(query));
  if (!parsed.ok) return { status: 400, body: JSON.stringify({ error: parsed.error }), cache: null };
  try {
    const ladderDb = getServerDb();
    const version = servingVersion(ladderDb);
    responses.useVersion(version);
    // zod returns the keys in schema order, so equal parameters give equal keys
    const key = JSON.stringify(parsed.params);
    const hit = responses.get(key);
    if (hit !== undefined) return { status: 200, body: hit, cache: 'hit' };
    const index = await getServingIndex(ladderDb);
    const body = JSON.stringify(searchSegments({ ...parsed.params, ladderDb, index }));
    // an index loaded while this request waited: the answer belongs to the newer version, not the cache's
    if (servingVersion(ladderDb) === version) responses.set(key, body);
    return { status: 200, body, cache: 'miss' };
  } catch (err) {
    console.error('[search] failed:', err);
    return { status: 500, body: JSON.stringify({ error: 'search failed' }), cache: null };
  }
}
