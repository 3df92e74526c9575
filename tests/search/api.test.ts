import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LadderDb } from '@/db/client';
import { publishSearchIndex } from '@/db/import/search-hook';
import { clearSearchIndexCache } from '@/db/search';
import { setVersionSampleMs } from '@/db/search/index-store';
import { searchParamsSchema } from '@/lib/search/params';
import { ARCHIVE } from './archive';
import { makeFixtureDb, removeDb } from './fixture';

let ladderDb: LadderDb;
let call: (qs: string) => Promise<{ status: number; body: Record<string, unknown> }>;

beforeAll(async () => {
  // the cache test bumps the content version and looks at once; a server reads it at most once a second
  setVersionSampleMs(0);
  ladderDb = makeFixtureDb(ARCHIVE);
  publishSearchIndex({ ladderDb });
  // the route reads the process-wide server database, which LADDER_DB points at
  process.env.LADDER_DB = ladderDb.path;
  const { callSearchApi } = await import('../support/search-api');
  call = (qs: string) => callSearchApi(qs);
});
afterAll(() => {
  clearSearchIndexCache();
  removeDb(ladderDb);
});

describe('GET /api/search', () => {
  it('answers with the search contract', async () => {
    const { status, body } = await call('q=pip&topic=pips&limit=5');
    expect(status).toBe(200);
    expect(body).toMatchObject({ query: 'pip', total: 2, documents: 1, fallback: false, paging: { by: 'passage', offset: 0, limit: 5 } });
    expect(typeof body.tookMs).toBe('number');
    const hits = body.hits as Record<string, unknown>[];
    expect(Object.keys(hits[0]!).sort()).toEqual(
      ['chapterGenerated', 'chapterTitle', 'documentSlug', 'documentTitle', 'duplicates', 'estimated', 'kind', 'role', 'snippet', 'speaker', 'startSeconds', 'url'].sort(),
    );
    expect(hits[0]?.chapterGenerated).toBe(false);
    expect(hits[0]?.url).toMatch(/^\/episodes\/climbing-at-meta\?t=\d+$/);
    expect(body.groups).toEqual([expect.objectContaining({ documentSlug: 'climbing-at-meta', count: 2, positions: [100, 130] })]);
    expect(body.facets).toHaveProperty('topic');
  });

  it.each([
    ['limit=0', /limit/],
    ['limit=51', /limit/],
    ['limit=ten', /limit/],
    ['offset=-1', /offset/],
    ['offset=1001', /offset/],
    ['kind=podcast', /kind/],
    ['role=voice', /role: must be guest or host/],
    [`q=${'x'.repeat(201)}`, /q:/],
    [`guest=${'y'.repeat(101)}`, /guest/],
    ['q=promo&q=pip', /q: given more than once/],
  ])('rejects %s with a 400 and a JSON error', async (qs, message) => {
    const { status, body } = await call(qs);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });

  it('treats empty parameters as absent and ignores unknown ones', async () => {
    const { status, body } = await call('q=promo&topic=&kind=&limit=&foo=bar');
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(0);
  });

  it('serves a repeated search from its cache, and not once the archive has changed and its index is published', async () => {
    const { callSearchApi } = await import('../support/search-api');
    const first = await callSearchApi('q=migrations');
    const again = await callSearchApi('q=migrations');
    expect([first.headers['x-ladder-cache'], again.headers['x-ladder-cache']]).toEqual(['miss', 'hit']);
    expect(again.body).toEqual(first.body);
    // what an import does: change the text, then bump the content version in the same commit
    ladderDb.sqlite.transaction(() => {
      ladderDb.sqlite.prepare(`UPDATE segments SET text = text || ' More migrations later.' WHERE id = (SELECT max(id) FROM segments)`).run();
      ladderDb.sqlite.prepare(`UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'`).run();
    })();
    // the new content version alone empties the cache; the server still ranks with the index it has
    const between = await callSearchApi('q=migrations');
    expect(between.headers['x-ladder-cache']).toBe('miss');
    expect(between.body.total).toBe(first.body.total);
    // what the import does after its commit; the server loads it on its own, off the request path
    publishSearchIndex({ ladderDb });
    const until = Date.now() + 2_000;
    let after = await callSearchApi('q=migrations');
    while (after.body.total === first.body.total && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
      after = await callSearchApi('q=migrations');
    }
    expect(after.body.total).toBe((first.body.total as number) + 1);
  });

  it('refuses methods other than GET and HEAD with a 405', async () => {
    const { callSearchApi } = await import('../support/search-api');
    const r = await callSearchApi('q=promo', 'POST');
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('GET, HEAD');
    expect(r.body.error).toMatch(/POST/);
  });

  it('answers an empty query with no hits', async () => {
    const { status, body } = await call('');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 0, hits: [] });
  });
});

describe('searchParamsSchema', () => {
  it('applies defaults', () => {
    expect(searchParamsSchema.parse({})).toEqual({ q: '', limit: 20, offset: 0 });
  });
});
