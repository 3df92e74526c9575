import { Lru } from '@/lib/cache/lru';
import { parseSearchParams } from '@/lib/search/params';
import { getServerDb } from '../client';
import { readArchiveVersion } from './records';
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
 * after the framework's own. A new import changes the content version, which
 * empties the cache, so a cached answer is never older than the archive.
 */
const responses = new Lru<string>({ maxEntries: 5_000, maxSize: 32 * 1024 * 1024, sizeOf: (body) => body.length * 2 });

/** GET /api/search: validates the query string and answers with the search JSON, or a 400 naming the bad parameter. */
export function getSearchApiResponse({ query }: { query: string }): SearchApiResponse {
  const parsed = parseSearchParams(new URLSearchParams(query));
  if (!parsed.ok) return { status: 400, body: JSON.stringify({ error: parsed.error }), cache: null };
  try {
    const ladderDb = getServerDb();
    responses.useVersion(readArchiveVersion(ladderDb));
    // zod returns the keys in schema order, so equal parameters give equal keys
    const key = JSON.stringify(parsed.params);
    const hit = responses.get(key);
    if (hit !== undefined) return { status: 200, body: hit, cache: 'hit' };
    const body = JSON.stringify(searchSegments({ ...parsed.params, ladderDb }));
    responses.set(key, body);
    return { status: 200, body, cache: 'miss' };
  } catch (err) {
    console.error('[search] failed:', err);
    return { status: 500, body: JSON.stringify({ error: 'search failed' }), cache: null };
  }
}
