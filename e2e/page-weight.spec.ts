import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DB } from './global-setup';

/**
 * Long episodes stay light (issue 15). Targets, on the longest corpus
 * interview and, when the library holds it, the longest episode of
 * ../shared/real/changelog: HTML ≤ 60 KB gzipped, ≤ 3,000 elements at load,
 * ≤ 25 tab stops before the transcript, and the search box working within
 * 1 s of the load event on a phone (4× CPU slowdown, 1.6 Mbps, 150 ms).
 */
const TARGET = { gzipBytes: 60 * 1024, elements: 3000, tabStops: 25, interactiveMs: 1000 };
const SHARED = path.resolve(__dirname, '..', '..', 'shared');

/** The longest documents by text, one per source: the corpus interviews, and the real archive when imported. */
function longestDocuments(): { source: string; slug: string; chars: number; segments: number }[] {
  const db = new Database(E2E_DB, { readonly: true });
  try {
    const longest = (folder: string, kind: string | null) =>
      db
        .prepare(
          `SELECT d.slug, sum(length(s.text)) AS chars, count(*) AS segments FROM documents d JOIN segments s ON s.document_id = d.id
           WHERE d.source_path LIKE ? ${kind ? 'AND d.kind = ?' : ''} GROUP BY d.id ORDER BY chars DESC LIMIT 1`,
        )
        .get(...[`${path.join(SHARED, folder)}/%`, ...(kind ? [kind] : [])]) as { slug: string; chars: number; segments: number } | undefined;
    const out = [];
    const corpus = longest('corpus', 'episode');
    if (corpus) out.push({ source: 'corpus interview', ...corpus });
    const real = longest(path.join('real', 'changelog'), null);
    if (real) out.push({ source: 'real/changelog', ...real });
    return out;
  } finally {
    db.close();
  }
}

/** The page as a browser gets it: the compressed bytes on the wire. */
function gzippedSize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip', accept: 'text/html' } }, (res) => {
        if (res.headers['content-encoding'] !== 'gzip') reject(new Error(`${url} was not sent gzipped`));
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => resolve(n));
      })
      .on('error', reject);
  });
}

/** Presses Tab from the top of the page until focus is inside the transcript; how many stops came before it. */
async function tabStopsBeforeTranscript(page: Page): Promise<number> {
  await page.locator('body').focus();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let n = 0; n < 200; n++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => !!document.activeElement?.closest('[data-transcript]'));
    if (inside) return n;
  }
  return Infinity;
}

test('the longest episodes stay light: bytes, elements, tab stops, and a phone that can search within 1 s of load', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const docs = longestDocuments();
  expect(docs.length, 'the corpus interviews are in the library').toBeGreaterThan(0);
  const rows: string[] = [];
  for (const doc of docs) {
    const url = `/episodes/${encodeURIComponent(doc.slug)}`;
    const gzip = await gzippedSize(`${baseURL}${url}`);

    // a phone: 360 px, 4× slower CPU, 1.6 Mbps down with 150 ms round trips, nothing cached
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      const w = window as unknown as { __weight: { elements?: number; load?: number; enhanced?: number } };
      w.__weight = {};
      window.addEventListener('load', () => {
        w.__weight.elements = document.getElementsByTagName('*').length;
        w.__weight.load = performance.now();
      });
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-site-header] input[data-enhanced="true"]')) {
          w.__weight.enhanced = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-enhanced'] });
    });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __weight: { enhanced?: number } }).__weight.enhanced), { timeout: 30_000 }).toBeGreaterThan(0);
    const weight = await page.evaluate(() => (window as unknown as { __weight: { elements: number; load: number; enhanced: number } }).__weight);
    const afterLoad = Math.max(0, Math.round(weight.enhanced - weight.load));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await context.close();

    const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desktop.goto(url);
    await expect(desktop.getByRole('banner').getByRole('searchbox')).toHaveAttribute('data-enhanced', 'true');
    const tabs = await tabStopsBeforeTranscript(desktop);
    await desktop.close();

    rows.push(`| ${doc.source} (${doc.segments} segments, ${Math.round(doc.chars / 1024)} KB of text) | ${(gzip / 1024).toFixed(1)} KB | ${weight.elements} | ${tabs} | ${afterLoad} ms |`);
    expect.soft(gzip, `${doc.slug}: gzipped HTML`).toBeLessThanOrEqual(TARGET.gzipBytes);
    expect.soft(weight.elements, `${doc.slug}: elements at load`).toBeLessThanOrEqual(TARGET.elements);
    expect.soft(tabs, `${doc.slug}: tab stops before the transcript`).toBeLessThanOrEqual(TARGET.tabStops);
    expect.soft(afterLoad, `${doc.slug}: search box working after load, phone profile`).toBeLessThanOrEqual(TARGET.interactiveMs);
  }
  const table = ['| episode | gzipped HTML | elements at load | tab stops before the transcript | search box after load (phone) |', '|---|---|---|---|---|', ...rows].join('\n');
  console.log(`\n${table}\n`);
  await test.info().attach('page-weight.md', { body: table, contentType: 'text/markdown' });
});
