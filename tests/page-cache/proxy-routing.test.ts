import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { proxy } from '@/proxy';
import { PAGE_CACHE_ROUTE, PAGE_HEADER, RENDER_HEADER } from '@/server/page-cache';

/** Which requests proxy.ts sends to the page cache (a rewrite) and which straight to Next (with a nonce). */
const rewrittenTo = (res: Response) => res.headers.get('x-middleware-rewrite');
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('proxy routing', () => {
  it('sends a browser page request to the page cache with the address it asked for', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const res = proxy(new NextRequest('http://127.0.0.1/episodes/some-slug?t=42', { headers: { 'user-agent': CHROME } }));
    expect(new URL(rewrittenTo(res)!).pathname).toBe(PAGE_CACHE_ROUTE);
    // NextResponse.rewrite({ request: { headers } }) forwards overridden request headers this way
    expect(res.headers.get(`x-middleware-request-${PAGE_HEADER}`)).toBe('/episodes/some-slug?t=42');
    expect(res.headers.get('content-security-policy')).toBeNull(); // the cache sets its own, per response
  });

  it.each([
    ['the cache asking for a render', { [RENDER_HEADER]: '1' }],
    ['a client navigation', { rsc: '1' }],
    ['a crawler', { 'user-agent': 'Googlebot/2.1' }],
  ])('lets %s through to Next with a nonce', (_name, headers) => {
    vi.stubEnv('NODE_ENV', 'production');
    const res = proxy(new NextRequest('http://127.0.0.1/episodes/some-slug', { headers }));
    expect(rewrittenTo(res)).toBeNull();
    expect(res.headers.get('content-security-policy')).toMatch(/'nonce-[0-9a-f]{32}'/);
  });

  it('is off when LADDER_PAGE_CACHE=off, and under next dev', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('LADDER_PAGE_CACHE', 'off');
    expect(rewrittenTo(proxy(new NextRequest('http://127.0.0.1/topics')))).toBeNull();
    vi.unstubAllEnvs();
    vi.stubEnv('NODE_ENV', 'development');
    expect(rewrittenTo(proxy(new NextRequest('http://127.0.0.1/topics')))).toBeNull();
  });
});
