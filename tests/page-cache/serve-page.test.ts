import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type LadderDb } from '@/db/client';
import { setVersionSampleMs } from '@/db/search/index-store';
import { buildCsp } from '@/lib/security/csp';
import { clearPageCache, getCachedPage, isPagePath, pageRefreshDone, RENDER_HEADER, setStaleWhileRefresh, type CachedPage } from '@/server/page-cache';
import { useTempServerDb } from '../support/server-db';

/**
 * The page cache on a real (empty) database, with the server's own render
 * replaced by a fake that counts its calls and renders with a fresh nonce each
 * time, as Next does. e2e/security.spec.ts checks the same on the wire.
 */
let server: ReturnType<typeof useTempServerDb>;
let writer: LadderDb;
const renders: Request[] = [];
let status = 200;
let fail = false;

const hex = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex');
const header = (res: CachedPage, name: string) => res.headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? null;
const cache = (res: CachedPage) => header(res, 'x-ladder-cache');
const nonceOf = (res: CachedPage) => /'nonce-([0-9a-f]+)'/.exec(header(res, 'content-security-policy') ?? '')?.[1];
const get = (p: string, acceptEncoding: string | null = null) => getCachedPage({ path: p, userAgent: 'test', acceptEncoding });
const text = (res: CachedPage) => res.body.toString('utf8');
const bumpVersion = () => writer.sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('content_version', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`).run();

beforeAll(() => {
  // these tests bump the content version and look at once; a server reads it at most once a second
  setVersionSampleMs(0);
  server = useTempServerDb('ladder-page-cache-', 'pages.db');
  writer = openDatabase({});
  bumpVersion();
  vi.stubGlobal('fetch', async (input: URL, init: RequestInit) => {
    const req = new Request(input, init);
    renders.push(req);
    await new Promise((r) => setTimeout(r, 5));
    if (fail) throw new Error('connection refused');
    const nonce = hex();
    const url = new URL(req.url);
    const html = `<html><script nonce="${nonce}">boot("${nonce}")</script><p>${url.pathname}${url.search} rendered</p></html>`;
    return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': buildCsp(nonce), vary: 'rsc' } });
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
  writer.sqlite.close();
  server.restore();
});
beforeEach(() => {
  setStaleWhileRefresh({ staleForMs: 60_000, refreshEveryMs: 0 });
  clearPageCache();
  renders.length = 0;
  status = 200;
  fail = false;
});

describe('the page cache', () => {
  it('renders a page once, then answers from the cache with a new nonce every time', async () => {
    const first = await get('/episodes/a?t=5');
    const second = await get('/episodes/a?t=5');
    expect(renders).toHaveLength(1);
    expect([cache(first), cache(second)]).toEqual(['miss', 'hit']);
    const [n1, n2] = [nonceOf(first), nonceOf(second)];
    expect(n1).toMatch(/^[0-9a-f]{32}$/);
    expect(n1).not.toBe(n2);
    expect(text(first)).toBe(`<html><script nonce="${n1}">boot("${n1}")</script><p>/episodes/a?t=5 rendered</p></html>`);
    expect(text(second)).toBe(text(first).replaceAll(n1!, n2!));
    expect(header(second, 'vary')).toBe('rsc');
  });

  it('sends a browser that accepts gzip the same page compressed, with its own nonce and Vary', async () => {
    await get('/episodes/a');
    const zipped = await get('/episodes/a', 'gzip, deflate, br');
    expect(header(zipped, 'content-encoding')).toBe('gzip');
    expect(zipped.headers.filter(([k]) => k.toLowerCase() === 'vary').map(([, v]) => v)).toEqual(['rsc', 'Accept-Encoding']);
    const n = nonceOf(zipped)!;
    expect(zlib.gunzipSync(zipped.body).toString()).toBe(`<html><script nonce="${n}">boot("${n}")</script><p>/episodes/a rendered</p></html>`);
    expect(header(await get('/episodes/a', 'gzip;q=0'), 'content-encoding')).toBeNull();
  });

  it('asks this server for the page with the header that lets proxy.ts pass it to Next', async () => {
    await get('/topics/pips');
    const sent = renders[0]!;
    expect(new URL(sent.url).pathname).toBe('/topics/pips');
    expect(sent.headers.get(RENDER_HEADER)).toBe('1');
    expect(sent.headers.get('accept-encoding')).toBe('identity');
  });

  it('keeps different addresses apart', async () => {
    const [a, b] = [await get('/episodes/a?t=5'), await get('/episodes/a?t=6')];
    expect([a, b].map((r) => /<p>(.*?) rendered/.exec(text(r))?.[1])).toEqual(['/episodes/a?t=5', '/episodes/a?t=6']);
  });

  it('shares one render between requests that miss at the same time', async () => {
    const all = await Promise.all(Array.from({ length: 5 }, () => get('/guests/x')));
    expect(renders).toHaveLength(1);
    expect(new Set(all.map((r) => nonceOf(r))).size).toBe(5);
  });

  it('once an import has changed the content version, serves the page it has at once and renders a fresh one behind it', async () => {
    const first = await get('/');
    bumpVersion();
    const stale = await get('/');
    expect(cache(stale)).toBe('stale');
    expect(text(stale)).toBe(text(first).replaceAll(nonceOf(first)!, nonceOf(stale)!));
    await pageRefreshDone();
    expect(renders).toHaveLength(2);
    const fresh = await get('/');
    expect(cache(fresh)).toBe('hit');
    expect(renders).toHaveLength(2);
  });

  it('renders stale pages again one at a time, each at most every refreshEveryMs, and never serves one past staleForMs', async () => {
    await Promise.all(['/a', '/b', '/c'].map((p) => get(p)));
    bumpVersion();
    const stale = await Promise.all(['/a', '/b', '/c'].map((p) => get(p)));
    expect(stale.map(cache)).toEqual(['stale', 'stale', 'stale']);
    await pageRefreshDone();
    // one background render for the three stale pages; the others wait for later requests
    expect(renders).toHaveLength(4);
    setStaleWhileRefresh({ refreshEveryMs: 60_000 });
    expect(cache(await get('/b'))).toBe('stale');
    await pageRefreshDone();
    expect(renders).toHaveLength(4);
    setStaleWhileRefresh({ staleForMs: 0 });
    expect(cache(await get('/b'))).toBe('miss');
    expect(renders).toHaveLength(5);
  });

  it('never keeps or shares a page rendered before an import that committed meanwhile', async () => {
    const before = get('/topics'); // renders under the old version
    bumpVersion();
    const after = get('/topics'); // must not wait for the old render
    await Promise.all([before, after]);
    expect(renders).toHaveLength(2);
    expect(cache(await get('/topics'))).toBe('hit');
    expect(renders).toHaveLength(2);
  });

  it('passes a 404 through as rendered and does not keep it', async () => {
    status = 404;
    const res = await get('/episodes/missing');
    expect(res.status).toBe(404);
    expect(text(res)).toContain(`nonce="${nonceOf(res)}"`);
    await get('/episodes/missing');
    expect(renders).toHaveLength(2);
  });

  it('answers 503, logged, when it cannot reach its own server', async () => {
    fail = true;
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await get('/episodes/a');
    expect(res.status).toBe(503);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('/episodes/a'), expect.anything());
    error.mockRestore();
  });

  it.each(['/', '/episodes/a?t=5', '/search?q=%2F%2Fx'])('takes %s as a page of this site', (p) => expect(isPagePath(p)).toBe(true));
  it.each(['@evil.example/', '//evil.example/x', '/\\evil.example', 'http://evil.example/', '/api/search?q=x', '/_next/static/x.js', ''])(
    'refuses %j, which could address another host or is not a page',
    async (p) => {
      expect(isPagePath(p)).toBe(false);
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      expect((await get(p)).status).toBe(503);
      error.mockRestore();
      expect(renders).toHaveLength(0);
    },
  );
});
