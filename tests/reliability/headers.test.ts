import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';
import { config as proxyConfig, proxy } from '@/proxy';
import { FIXED_CSP, FIXED_CSP_PATHS, buildCsp } from '@/lib/security/csp';

/** The headers every response carries; e2e/security.spec.ts checks them on the wire. */
const directive = (csp: string, name: string) => new RegExp(`(?:^|; )${name} ([^;]*)`).exec(csp)?.[1] ?? null;

describe('the page CSP', () => {
  it('lets scripts run only with the nonce, never inline, and forbids framing', () => {
    const csp = buildCsp('bm9uY2U=');
    expect(directive(csp, 'script-src')).toBe(`'self' 'nonce-bm9uY2U=' 'strict-dynamic'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    // the player: frames only from the privacy-enhanced YouTube host, media from https origins
    expect(directive(csp, 'frame-src')).toBe('https://www.youtube-nocookie.com');
    expect(directive(csp, 'media-src')).toBe("'self' https:");
    expect(directive(buildCsp('x', { dev: true }), 'script-src')).toContain("'unsafe-eval'");
    expect(directive(buildCsp('x', { dev: true }), 'script-src')).not.toContain('unsafe-inline');
  });

  it('is set by the proxy with a fresh nonce per request, on the response and for Next to read', async () => {
    const res1 = await proxy(new NextRequest('http://127.0.0.1/episodes/x'));
    const res2 = await proxy(new NextRequest('http://127.0.0.1/episodes/x'));
    const nonce = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
    const n1 = nonce(res1.headers.get('content-security-policy'));
    // hex: the page cache finds and replaces it byte for byte (no escaping in HTML or JSON changes it)
    expect(n1).toMatch(/^[0-9a-f]{32}$/);
    expect(n1).not.toBe(nonce(res2.headers.get('content-security-policy')));
    // NextResponse.next({ request: { headers } }) forwards overridden request headers this way
    expect(res1.headers.get('x-middleware-request-x-nonce')).toBe(n1);
    expect(nonce(res1.headers.get('x-middleware-request-content-security-policy'))).toBe(n1);
  });
});

describe('the proxy and broken addresses', () => {
  it.each(['/episodes/%E0%A4%A', '/guests/%ZZ', '/topics/%'])('answers %s with a 400 that still carries the CSP', async (p) => {
    const res = await proxy(new NextRequest(`http://127.0.0.1${p}`));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it.each(['/episodes/ok%20slug', '/episodes/%C3%A9t%C3%A9', '/'])('lets %s through', async (p) => {
    expect((await proxy(new NextRequest(`http://127.0.0.1${p}`))).status).toBe(200);
  });
});

describe('next.config headers', () => {
  it('puts nosniff, a referrer policy and no framing on every path', async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === '/:path*')!;
    const byKey = Object.fromEntries(all.headers.map((h) => [h.key.toLowerCase(), h.value]));
    expect(byKey).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin', 'x-frame-options': 'DENY' });
    expect(nextConfig.poweredByHeader).toBe(false);
  });

  it('shows the proxy the router headers, which keep client navigations out of the page cache', () => {
    expect(nextConfig.skipProxyUrlNormalize).toBe(true);
  });

  it('gives the paths the proxy skips (assets, the JSON API) a fixed CSP that allows no script', async () => {
    const rules = await nextConfig.headers!();
    for (const source of FIXED_CSP_PATHS) {
      expect(rules.find((r) => r.source === source)?.headers).toEqual([{ key: 'Content-Security-Policy', value: FIXED_CSP }]);
    }
    expect(directive(FIXED_CSP, 'default-src')).toBe("'none'");
    expect(FIXED_CSP).toContain("frame-ancestors 'none'");
    expect(FIXED_CSP).not.toMatch(/script-src/);
  });

  it('covers exactly what the proxy matcher leaves out', () => {
    const source = proxyConfig.matcher[0]!.source;
    const skipped = /\(\?!([^)]*)\)/.exec(source)![1]!.split('|');
    const norm = (p: string) => p.replace(/\/(?::path\*)?$/, '');
    expect(skipped.map((s) => norm(`/${s}`)).sort()).toEqual(FIXED_CSP_PATHS.map(norm).sort());
  });
});
