import { expect, test } from '@playwright/test';
import { CORPUS_MARKERS, findDocumentPath, saveScreenshot } from './support';

test.describe('browsing (issue 3)', () => {
  test('the home page lists the newest documents; the library finds all four corpus documents', async ({ page }) => {
    for (const title of Object.values(CORPUS_MARKERS)) expect(await findDocumentPath(page, title)).toMatch(/^\/episodes\//);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // the two dated corpus interviews are among the newest documents
    for (const title of [CORPUS_MARKERS.stefanMai, CORPUS_MARKERS.evanKing]) {
      await expect(page.getByRole('region', { name: 'Latest' }).getByRole('link', { name: title })).toBeVisible();
    }
    await expect(page.getByRole('searchbox', { name: 'Search quotes' }).first()).toBeVisible();
    await saveScreenshot(page, 'home', { fullPage: true });
  });

  test('clicking the chapter “Can you get out of a PIP?” lands at 1:08:55, highlighted', async ({ page }) => {
    await page.goto(await findDocumentPath(page, CORPUS_MARKERS.stefanMai));
    const chapters = page.getByRole('navigation', { name: 'Chapters' });
    await chapters.getByRole('link', { name: /Can you get out of a PIP\?/ }).click();
    await expect(page).toHaveURL(/[?&]t=4135\b/);
    const target = page.locator('.segment[aria-current="true"]');
    await expect(target).toHaveCount(1);
    await expect(target.locator('.seg-time')).toHaveText('1:08:55');
    await expect(target).toHaveClass(/segment-target/);
    await expect(target).toBeInViewport();
    await expect(page.getByRole('heading', { name: /Can you get out of a PIP\?/ })).toBeInViewport();
    await saveScreenshot(page, 'episode-deep-link');
  });

  test('?t=6714 on the Evan King interview opens at “Advice for new grads & past self”, time estimated', async ({ page }) => {
    const path = await findDocumentPath(page, CORPUS_MARKERS.evanKing);
    await page.goto(`${path}?t=6714`);
    const target = page.locator('.segment[aria-current="true"]');
    await expect(target).toBeInViewport();
    await expect(target.locator('.seg-time')).toHaveText(/^≈ 1:51:5\d$/);
    await expect(page.getByRole('heading', { level: 3, name: /Advice for new grads & past self/ })).toBeInViewport();
    await expect(page.getByRole('navigation', { name: 'Chapters' }).locator('[aria-current="location"]')).toContainText('Advice for new grads & past self');
    await saveScreenshot(page, 'episode-estimated-times');
  });

  test('#t= hashes pick the segment in the browser', async ({ page }) => {
    const path = await findDocumentPath(page, CORPUS_MARKERS.stefanMai);
    await page.goto(`${path}#t=4140`);
    const target = page.locator('.segment[aria-current="true"]');
    await expect(target).toHaveCount(1);
    await expect(target.locator('.seg-time')).toHaveText('1:08:55');
    await expect(target).toBeInViewport();
  });

  test('the episode page has its parts: summary folded, chapters, topic strip, talk time, copy links', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(await findDocumentPath(page, CORPUS_MARKERS.evanKing));
    const summary = page.locator('details', { hasText: 'AI-generated summary' });
    await expect(summary).toBeVisible();
    await expect(summary).not.toHaveAttribute('open', /.*/);
    await expect(page.getByText('Where topics come up')).toBeVisible();
    const mark = page.getByRole('link', { name: /^Promotions at ≈ / }).first();
    await expect(mark).toHaveAttribute('href', /\?t=\d+/);
    await saveScreenshot(page, 'episode');

    await page.goto(await findDocumentPath(page, CORPUS_MARKERS.stefanMai));
    await expect(page.getByText('Who talks')).toBeVisible();
    await expect(page.locator('li', { hasText: 'Stefan Mai' }).filter({ hasText: '%' }).first()).toBeVisible();
    const copy = page.locator('.segment').nth(3).locator('button[data-copy-link]');
    await expect(page.locator('html')).toHaveAttribute('data-copy-links', 'ready');
    await copy.click();
    await expect(copy).toHaveAttribute('data-copied', 'true');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/episodes\/[^?]+\?t=\d+$/);
  });

  test('where a document has a media URL, each time also links to the media at that second', async ({ page }) => {
    await page.goto('/episodes?kind=episode');
    const paths = await page.locator('article h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    let found = 0;
    for (const path of paths) {
      await page.goto(path);
      const media = page.locator('.segment a[data-media-link]');
      if ((await media.count()) === 0) continue;
      const segment = page.locator('.segment', { has: page.locator('a[data-media-link]') }).first();
      const start = await segment.getAttribute('data-start');
      await expect(segment.locator('a[data-media-link]')).toHaveAttribute('href', new RegExp(`[?&#]t=${start}s?$`));
      found++;
    }
    expect(found, 'documents with a media URL in the test database').toBeGreaterThan(0);
  });

  test('briefs and articles render as such, with paragraph anchors', async ({ page }) => {
    await page.goto(await findDocumentPath(page, CORPUS_MARKERS.brief));
    await expect(page.getByText('Insight brief').first()).toBeVisible();
    await expect(page.locator('#seg-0')).toBeVisible();
    await saveScreenshot(page, 'brief');
    await page.goto(await findDocumentPath(page, CORPUS_MARKERS.article));
    await expect(page.getByText('Article').first()).toBeVisible();
    await expect(page.locator('.segment[id^="seg-"]').first()).toBeVisible();
    await saveScreenshot(page, 'article');
  });

  test('the tokenmaxxing topic quotes both the brief and the article', async ({ page }) => {
    await page.goto('/topics');
    await page.getByRole('link', { name: 'Tokenmaxxing' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tokenmaxxing' })).toBeVisible();
    const quotes = page.getByRole('region', { name: 'What people say' });
    await expect(quotes.getByRole('link', { name: CORPUS_MARKERS.brief }).first()).toBeVisible();
    await expect(quotes.getByRole('link', { name: CORPUS_MARKERS.article }).first()).toBeVisible();
    // an untimed quote links to its paragraph, and the paragraph exists
    const inContext = quotes.getByRole('link', { name: /Read in context/ }).first();
    const href = await inContext.getAttribute('href');
    expect(href).toMatch(/#seg-\d+$/);
    await saveScreenshot(page, 'topic', { fullPage: true });
    await inContext.click();
    await expect(page.locator(`#${href!.split('#')[1]}`)).toBeInViewport();
  });

  test('promotions and pips topics show real chapters, best first, linked to their time', async ({ page }) => {
    for (const slug of ['promotions', 'pips']) {
      await page.goto(`/topics/${slug}`);
      const chapters = page.getByRole('region', { name: 'Chapters about it' });
      await expect(chapters.getByRole('listitem').first()).toBeVisible();
      await expect(chapters.getByRole('link').first()).toHaveAttribute('href', /\/episodes\/.+\?t=\d+#ch-/);
    }
    await expect(page.getByRole('region', { name: 'Chapters about it' })).toContainText('Can you get out of a PIP?');
  });

  test('Stefan Mai’s guest page shows his role and company', async ({ page }) => {
    await page.goto('/guests');
    await saveScreenshot(page, 'guests');
    // the guests are paged, most episodes first: find him by name
    await page.getByRole('searchbox', { name: 'Filter by name, role or company' }).fill('Stefan');
    await page.locator('[data-list="guests"]').getByRole('link', { name: 'Stefan Mai' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Stefan Mai' })).toBeVisible();
    await expect(page.getByText('Senior Engineering Manager at Meta').first()).toBeVisible();
    await expect(page.getByText('Hello Interview').first()).toBeVisible();
    await expect(page.getByText(/\d+ years \(since 2002\)/)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Appears in' })).toContainText('Intern to Microsoft Distinguished Engineer');
    await expect(page.getByRole('region', { name: 'Most quotable, by topic' })).toBeVisible();
    await saveScreenshot(page, 'guest');
  });

  test('the library filters by kind, show, guest and topic through the URL', async ({ page }) => {
    await page.goto('/episodes');
    await saveScreenshot(page, 'documents');
    const filters = page.getByRole('complementary', { name: 'Filters' });
    await filters.getByRole('link', { name: /^Briefs/ }).click();
    await expect(page).toHaveURL(/kind=brief/);
    await expect(page.getByRole('link', { name: CORPUS_MARKERS.brief })).toBeVisible();
    await expect(page.getByRole('link', { name: CORPUS_MARKERS.stefanMai })).toHaveCount(0);
    await page.goto('/episodes?guest=stefan-mai');
    await expect(page.getByRole('link', { name: CORPUS_MARKERS.stefanMai })).toBeVisible();
    await expect(page.getByRole('link', { name: CORPUS_MARKERS.evanKing })).toHaveCount(0);
    await page.goto('/episodes?topic=tokenmaxxing');
    await expect(page.getByRole('link', { name: CORPUS_MARKERS.article })).toBeVisible();
  });

  test('unknown slugs give 404 pages', async ({ page }) => {
    for (const [url, heading] of [
      ['/episodes/no-such-episode', 'No such episode'],
      ['/guests/no-such-person', 'No such person'],
      ['/topics/no-such-topic', 'No such topic'],
      ['/no/such/page', 'Page not found'],
    ] as const) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    }
    await saveScreenshot(page, 'not-found');
  });

  test('sitemap, robots and Open Graph tags', async ({ page, request }) => {
    const sitemap = await (await request.get('/sitemap.xml')).text();
    expect(sitemap).toContain('/episodes/');
    expect(sitemap).toContain('/topics/tokenmaxxing');
    expect(sitemap).toContain('/guests/stefan-mai');
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);
    await page.goto(await findDocumentPath(page, CORPUS_MARKERS.stefanMai));
    await expect(page).toHaveTitle(/Intern to Microsoft Distinguished Engineer.* · Ladder/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Intern to Microsoft/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /Stefan Mai/);
  });
});
