import { expect, test, type Page } from '@playwright/test';
import { slugify } from '../lib/slug';

/**
 * Untrusted text renders as text, everywhere. The e2e database holds
 * tests/fixtures/xss/xss-probe.md (+ its .meta.yaml): `<script>`, `<img onerror>`,
 * `<svg onload>`, `javascript:` links in the title, people, chapters, text and
 * sidecar. Every payload sets `window.__xss`; any dialog, canary or CSP
 * violation means markup reached the page as markup.
 */
const TITLE = 'xssprobe <script>window.__xss=1</script><img src=x onerror="window.__xss=1"> promo & PIP story';
const SLUG = slugify(TITLE);
const GUEST = slugify('Mallory <img src=x onerror="window.__xss=1">');
const PAGES = [
  `/episodes/${SLUG}`,
  `/episodes/${SLUG}?t=20`,
  '/search?q=xssprobe',
  '/search?q=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E',
  '/search?q=xssprobe&topic=promotions',
  `/guests/${GUEST}`,
  '/topics/promotions',
  '/topics/pips',
  '/episodes',
  '/guests',
  '/',
  // the player's pages: nothing from YouTube or the media host loads before the reader plays
  '/episodes/player-check-a-talk-with-a-youtube-address',
  '/episodes/player-check-a-short-talk-with-a-local-audio-file',
];

async function watch(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return dialogs;
}

test.describe('untrusted content renders as text', () => {
  for (const url of PAGES) {
    test(`no script runs on ${url}`, async ({ page }) => {
      const dialogs = await watch(page);
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      await page.waitForLoadState('networkidle');
      const state = await page.evaluate(() => {
        const w = window as unknown as { __xss?: unknown; __violations: string[] };
        return { xss: w.__xss ?? null, violations: w.__violations };
      });
      expect(state).toEqual({ xss: null, violations: [] });
      expect(dialogs).toEqual([]);
      const injected = page.locator('a[href^="javascript:" i], [src^="javascript:" i], img[src="x"], iframe, [onerror], [onload], [onmouseover]');
      expect(await injected.count()).toBe(0);
    });
  }

  test('the episode page shows the markup as text, also in its title and Open Graph tags', async ({ page, request }) => {
    await watch(page);
    await page.goto(`/episodes/${SLUG}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>window.__xss=1</script>');
    await expect(page.getByText('xssprobe <img src=x onerror="window.__xss=1"> my promotion', { exact: false }).first()).toBeVisible();
    await expect(page).toHaveTitle(/xssprobe <script>window\.__xss=1<\/script>/);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toContain('<script>window.__xss=1</script>');

    // the raw HTML: payloads appear only escaped (as entities in markup, \u003c in the inline RSC data)
    const html = await (await request.get(`/episodes/${SLUG}`)).text();
    expect(html).not.toMatch(/<script>window\.__xss|<img src=x|<svg onload|<iframe src="javascript/i);
    expect(html).toMatch(/<meta property="og:title" content="[^"]*&lt;script&gt;window.__xss=1&lt;\/script&gt;/);
    expect(html).not.toMatch(/href="javascript:/i);
  });

  test('the search API returns the payload as JSON data, with HTML-escaped snippets', async ({ request }) => {
    const res = await request.get('/api/search?q=script');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^application\/json/);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    const body = (await res.json()) as { hits: { snippet: string; documentTitle: string }[] };
    const mine = body.hits.filter((h) => h.documentTitle === TITLE);
    expect(mine.length).toBeGreaterThan(0);
    for (const h of body.hits) expect(h.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });
});

test.describe('security headers', () => {
  function checkCommon(headers: Record<string, string>) {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBeTruthy();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  }

  for (const url of ['/', `/episodes/${SLUG}`, '/search?q=promo', '/episodes/no-such-episode']) {
    test(`page ${url} has a nonce-based CSP and the other headers`, async ({ request }) => {
      const res = await request.get(url, { failOnStatusCode: false });
      const h = res.headers();
      checkCommon(h);
      const script = /script-src ([^;]*)/.exec(h['content-security-policy']!)?.[1] ?? '';
      expect(script).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(script).not.toContain('unsafe-inline');
      expect(h['x-powered-by']).toBeUndefined();
    });
  }

  // JSON runs no script: the API gets a fixed policy that allows none (no nonce to make)
  for (const url of ['/api/search?q=promo', '/api/search?limit=abc']) {
    test(`API ${url} has a CSP allowing no script and the other headers`, async ({ request }) => {
      const res = await request.get(url, { failOnStatusCode: false });
      checkCommon(res.headers());
      expect(res.headers()['content-security-policy']).toMatch(/default-src 'none'/);
      expect(res.headers()['content-security-policy']).not.toMatch(/script-src|unsafe-inline'?;? *script/);
    });
  }

  test('every script on a page carries the nonce of its response, which changes per response', async ({ request }) => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await request.get(`/episodes/${SLUG}`);
      const nonce = /'nonce-([^']+)'/.exec(res.headers()['content-security-policy']!)![1]!;
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test('a page served from the page cache is the rendered page, compressed, with a nonce of its own', async ({ request }) => {
    const url = `/episodes/${SLUG}?t=7`;
    const responses = [];
    for (let i = 0; i < 3; i++) {
      const res = await request.get(url);
      const nonce = /'nonce-([0-9a-f]{32})'/.exec(res.headers()['content-security-policy']!)![1]!;
      // Playwright asks for gzip as a browser does, and unpacks what it gets
      expect(res.headers()['content-encoding']).toBe('gzip');
      responses.push({ cache: res.headers()['x-ladder-cache'], nonce, html: await res.text() });
    }
    // the first may already be cached by an earlier test; the later ones must be
    expect(responses.slice(1).map((r) => r.cache)).toEqual(['hit', 'hit']);
    expect(new Set(responses.map((r) => r.nonce)).size).toBe(3);
    const [a, b] = responses;
    expect(b!.html.replaceAll(b!.nonce, a!.nonce)).toBe(a!.html);
    expect(b!.html).not.toContain(a!.nonce);
  });

  test('client navigations get the RSC payload, never a cached page', async ({ page }) => {
    const seen: { type: string; cache: string | undefined }[] = [];
    page.on('response', (r) => {
      if (r.request().headers()['rsc'] === '1') seen.push({ type: r.headers()['content-type'] ?? '', cache: r.headers()['x-ladder-cache'] });
    });
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }).click();
    await expect(page).toHaveURL(/\/topics$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(seen.length).toBeGreaterThan(0);
    for (const r of seen) expect(r).toEqual({ type: expect.stringMatching(/^text\/x-component/), cache: undefined });
  });

  test('a static asset has nosniff, a referrer policy and frame-ancestors', async ({ request }) => {
    const html = await (await request.get('/')).text();
    const asset = /<script[^>]+src="(\/_next\/static\/[^"]+)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const res = await request.get(asset!);
    expect(res.status()).toBe(200);
    checkCommon(res.headers());
    expect(res.headers()['content-security-policy']).toMatch(/default-src 'none'/);
  });
});

test.describe('bad parameters never make a 500', () => {
  const api = [
    `q=${'a'.repeat(1000)}`,
    'q=promo&limit=-1',
    'q=promo&limit=abc',
    'q=promo&limit=10000',
    'q=promo&offset=99999999999999999999',
    'q=promo&offset=-3',
    'q=promo&kind=podcast',
    'q=promo&q=pip',
    'q=promo&topic=a&topic=b',
    'q=promo&limit=1.5',
  ];
  for (const qs of api) {
    test(`/api/search?${qs.slice(0, 40)} is a 400 with a JSON error`, async ({ request }) => {
      const res = await request.get(`/api/search?${qs}`, { failOnStatusCode: false });
      expect(res.status()).toBe(400);
      expect(res.headers()['content-type']).toMatch(/^application\/json/);
      expect(((await res.json()) as { error?: unknown }).error).toBeTruthy();
    });
  }

  const pages = [
    '/episodes/%00weird',
    '/episodes/x?t=-5',
    `/episodes/${SLUG}?t=-5`,
    `/episodes/${SLUG}?t=abc`,
    `/episodes/${SLUG}?t=999999999`,
    `/episodes/${SLUG}?t=1e400&t=2`,
    `/episodes/${'a'.repeat(3000)}`,
    '/episodes/..%2F..%2Fetc%2Fpasswd',
    '/episodes/%E0%A4%A',
    '/guests/%00',
    '/topics/%3Cscript%3E',
    '/search?q=%00&offset=-1&limit=abc',
    `/search?q=${'x'.repeat(5000)}`,
  ];
  for (const url of pages) {
    test(`${url.replace(SLUG, 'SLUG').slice(0, 60)} is a 404 or a normal page`, async ({ request }) => {
      const res = await request.get(url, { failOnStatusCode: false });
      expect([200, 400, 404]).toContain(res.status());
    });
  }
});
