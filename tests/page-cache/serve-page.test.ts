import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getServerDb, openDatabase, type LadderDb } from '@/db/client';
import { buildCsp } from '@/lib/security/csp';
import { clearPageCache, isInternalRender, RENDER_HEADER, servePage } from '@/server/page-cache';
import { makeTempDir } from '../support/temp';

/**
 * The page cache on a real (empty) database, with the server's own render
 * replaced by a fake that counts its calls and renders with a fresh nonce each
 * time, as Next does. e2e/security.spec.ts checks the same on the wire.
 */
let tmp: ReturnType<typeof makeTempDir>;
let writer: LadderDb;
let previous: string | undefined;
const renders: Request[] = [];
let status = 200;
let fail = false;

const hex = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex');
const nonceOf = (res: Response) => /'nonce-([0-9a-f]+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
const page = (url: string) => new NextRequest(`http://127.0.0.1${url}`);
const bumpVersion = () => writer.sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('content_version', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`).run();

beforeAll(() => {
  tmp = makeTempDir('ladder-page-cache-');
  previous = process.env.LADDER_DB;
  process.env.LADDER_DB = path.join(tmp.dir, 'pages.db');
  writer = openDatabase({});
  bumpVersion();
  vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
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
  getServerDb().sqlite.close();
  delete (globalThis as { ladderDb?: unknown }).ladderDb;
  if (previous === undefined) delete process.env.LADDER_DB;
  else process.env.LADDER_DB = previous;
  tmp.cleanup();
});
beforeEach(() => {
  clearPageCache();
  renders.length = 0;
  status = 200;
  fail = false;
});

describe('the page cache', () => {
  it('renders a page once, then answers from the cache with a new nonce every time', async () => {
    const first = (await servePage(page('/episodes/a?t=5'), buildCsp))!;
    const second = (await servePage(page('/episodes/a?t=5'), buildCsp))!;
    expect(renders).toHaveLength(1);
    expect([first.headers.get('x-ladder-cache'), second.headers.get('x-ladder-cache')]).toEqual(['miss', 'hit']);
    const [n1, n2] = [nonceOf(first), nonceOf(second)];
    expect(n1).toMatch(/^[0-9a-f]{32}$/);
    expect(n1).not.toBe(n2);
    const [b1, b2] = [await first.text(), await second.text()];
    expect(b1).toBe(`<html><script nonce="${n1}">boot("${n1}")</script><p>/episodes/a?t=5 rendered</p></html>`);
    expect(b2).toBe(b1.replaceAll(n1!, n2!));
    expect(second.headers.get('vary')).toBe('rsc');
  });

  it('asks this server for the page with a token that the proxy recognises, and only that token', async () => {
    await servePage(page('/topics/pips'), buildCsp);
    const sent = renders[0]!;
    expect(new URL(sent.url).pathname).toBe('/topics/pips');
    expect(isInternalRender(new NextRequest('http://127.0.0.1/topics/pips', { headers: sent.headers }))).toBe(true);
    expect(isInternalRender(new NextRequest('http://127.0.0.1/topics/pips', { headers: { [RENDER_HEADER]: 'guess' } }))).toBe(false);
    expect(isInternalRender(page('/topics/pips'))).toBe(false);
  });

  it('keeps different addresses apart', async () => {
    const a = await (await servePage(page('/episodes/a?t=5'), buildCsp))!.text();
    const b = await (await servePage(page('/episodes/a?t=6'), buildCsp))!.text();
    expect([a, b].map((t) => /<p>(.*?) rendered/.exec(t)?.[1])).toEqual(['/episodes/a?t=5', '/episodes/a?t=6']);
  });

  it('shares one render between requests that miss at the same time', async () => {
    const all = await Promise.all(Array.from({ length: 5 }, () => servePage(page('/guests/x'), buildCsp)));
    expect(renders).toHaveLength(1);
    expect(new Set(all.map((r) => nonceOf(r!))).size).toBe(5);
  });

  it('renders again once an import has changed the content version', async () => {
    await servePage(page('/'), buildCsp);
    bumpVersion();
    const after = (await servePage(page('/'), buildCsp))!;
    expect(renders).toHaveLength(2);
    expect(after.headers.get('x-ladder-cache')).toBe('miss');
  });

  it('never keeps or shares a page rendered before an import that committed meanwhile', async () => {
    const before = servePage(page('/topics'), buildCsp); // renders under the old version
    bumpVersion();
    const after = servePage(page('/topics'), buildCsp); // must not wait for the old render
    await Promise.all([before, after]);
    expect(renders).toHaveLength(2);
    const again = (await servePage(page('/topics'), buildCsp))!;
    expect(again.headers.get('x-ladder-cache')).toBe('hit');
    expect(renders).toHaveLength(2);
  });

  it('passes a 404 through as rendered and does not keep it', async () => {
    status = 404;
    const res = (await servePage(page('/episodes/missing'), buildCsp))!;
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).toContain(`nonce="${nonceOf(res)}"`);
    await servePage(page('/episodes/missing'), buildCsp);
    expect(renders).toHaveLength(2);
  });

  it('steps aside (null: Next renders as usual) when its own request fails', async () => {
    fail = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await servePage(page('/episodes/a'), buildCsp)).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('/episodes/a'), expect.anything());
    warn.mockRestore();
  });
});
