import { expect, test } from '@playwright/test';
import { CORPUS_MARKERS, findDocumentPath, expectNoSeriousAxeViolations, saveScreenshot } from './support';

test.describe('accessibility and layout', () => {
  // every page type, at both widths, in light and dark (issue 15)
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 360]) {
      test(`axe finds no serious or critical violation on any page type, ${colorScheme}, ${width} px`, async ({ browser }) => {
        test.setTimeout(240_000);
        const context = await browser.newContext({ colorScheme, viewport: { width, height: width > 500 ? 900 : 780 } });
        const page = await context.newPage();
        const stefan = await findDocumentPath(page, CORPUS_MARKERS.stefanMai);
        const brief = await findDocumentPath(page, CORPUS_MARKERS.brief);
        const article = await findDocumentPath(page, CORPUS_MARKERS.article);
        // one of each page type; the lists on a later page, with a sort and the facet search in use
        const urls = [
          '/',
          '/episodes?page=2&sort=title&guestq=ashdown',
          `${stefan}?t=4156`,
          brief,
          article,
          '/episodes/player-check-a-short-talk-with-a-local-audio-file',
          '/topics',
          '/topics/pips',
          '/guests?page=2',
          '/guests/stefan-mai',
          '/search?q=promo',
          '/episodes/no-such-episode',
        ];
        for (const url of urls) {
          await page.goto(url);
          await expectNoSeriousAxeViolations(page);
        }
        if (width === 1280) {
          await page.goto(`${stefan}?t=4135`);
          await saveScreenshot(page, `episode-${colorScheme}`);
          await page.goto('/');
          await saveScreenshot(page, `home-${colorScheme}`);
        }
        await context.close();
      });
    }
  }

  test('usable at 360 px: no sideways scrolling', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    const stefan = await findDocumentPath(page, CORPUS_MARKERS.stefanMai);
    for (const [url, name] of [
      ['/', 'home-360'],
      [`${stefan}?t=4135`, 'episode-360'],
      ['/topics/tokenmaxxing', 'topic-360'],
      ['/guests/stefan-mai', 'guest-360'],
      ['/search?q=promo', 'search-360'],
      ['/episodes', 'documents-360'],
      ['/guests', 'guests-360'],
      ['/episodes/player-check-a-short-talk-with-a-local-audio-file', 'player-360'],
    ] as const) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
      await saveScreenshot(page, name);
    }
    await context.close();
  });

  test('keyboard: skip link first, visible focus on links', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });

  test('pages render without JavaScript, moments included', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const stefan = await findDocumentPath(page, CORPUS_MARKERS.stefanMai);
    await page.goto(`${stefan}?t=4135`);
    await expect(page.locator('.segment[aria-current="true"] .seg-time')).toHaveText('1:08:55');
    await page.goto('/topics/tokenmaxxing');
    await expect(page.getByRole('region', { name: 'What people say' })).toBeVisible();
    await page.goto('/search?q=promo');
    await expect(page.locator('[data-result-group]').first()).toBeVisible();
    await context.close();
  });
});
