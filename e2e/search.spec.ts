import { expect, test, type Page } from '@playwright/test';
import { CORPUS_MARKERS, saveScreenshot } from './support';

/** The header box once hydrated: a key pressed before that would go to the page, as it would for a person. */
async function headerSearch(page: Page) {
  const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search quotes' });
  await expect(box).toHaveAttribute('data-enhanced', 'true');
  return box;
}

test.describe('search (issue 6 interfaces)', () => {
  test('typing into the header search shows grouped results with marks; a hit opens at its second', async ({ page }) => {
    await page.goto('/');
    const box = await headerSearch(page);
    await page.keyboard.press('/');
    await expect(box).toBeFocused();
    await box.pressSequentially('get out of a PIP', { delay: 40 });
    await expect(page).toHaveURL(/\/search\?q=get\+out\+of\+a\+PIP/);
    await expect(box).toBeFocused();
    const groups = page.locator('[data-result-group]');
    await expect(groups.first()).toBeVisible();
    await expect(groups.first().locator('mark').first()).toBeVisible();
    await saveScreenshot(page, 'search');

    const hit = page.locator('a[data-hit-link]', { hasText: 'Can you get out of a PIP?' }).first();
    const href = await hit.getAttribute('href');
    const t = Number(/[?&]t=(\d+)/.exec(href ?? '')?.[1]);
    expect(t).toBeGreaterThanOrEqual(4135);
    await hit.click();
    await expect(page).toHaveURL(new RegExp(`/episodes/[^?]+\\?t=${t}`));
    const target = page.locator('.segment[aria-current="true"]');
    await expect(target).toBeInViewport();
    const start = Number(await target.getAttribute('data-start'));
    expect(start).toBeLessThanOrEqual(t);
    expect(start).toBeGreaterThanOrEqual(4135);
  });

  test('the URL follows the box, and Back returns to the previous search', async ({ page }) => {
    await page.goto('/search?q=promo');
    const box = await headerSearch(page);
    await expect(box).toHaveValue('promo');
    await box.fill('tokenmaxxing');
    await expect(page).toHaveURL(/q=tokenmaxxing/);
    await expect(page.getByRole('link', { name: CORPUS_MARKERS.brief }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: CORPUS_MARKERS.article }).first()).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/q=promo$/);
    await expect(box).toHaveValue('promo');
  });

  test('filters narrow the results and show counts', async ({ page }) => {
    await page.goto('/search?q=PIP');
    const filters = page.getByRole('complementary', { name: 'Filters' });
    const pips = filters.getByRole('link', { name: /^PIPs\s*\d+$/ });
    await expect(pips).toBeVisible();
    await pips.click();
    await expect(page).toHaveURL(/topic=pips/);
    await expect(filters.locator('[aria-current="true"]:visible')).toContainText('PIPs');
    await expect(page.locator('a[data-hit-link]').first()).toContainText('1:08:55');
  });

  test('pages through episodes: none comes back on a later page, and the counts are the API\'s', async ({ page, request }) => {
    // a query with several pages of episodes but not hundreds, whatever the library (the real archive has hundreds that say "work")
    type Api = { total: number; documents: number; paging: { by: string } };
    let q = '';
    let api: Api | null = null;
    for (const candidate of ['layoffs', 'work']) {
      const a = (await (await request.get(`/api/search?q=${candidate}&limit=50`)).json()) as Api;
      if (a.documents > 4 && a.documents <= 60) {
        [q, api] = [candidate, a];
        break;
      }
    }
    expect(api, 'a query with 5 to 60 episodes').not.toBeNull();
    expect(api!.paging.by).toBe('passage');
    const per = Math.max(2, Math.ceil(api!.documents / 6));
    await page.goto(`/search?q=${q}&per=${per}`);
    const status = page.getByRole('main').getByRole('status');
    await expect(status).toContainText(`${api!.total} passages in ${api!.documents} episodes`);
    const seen: string[] = [];
    for (let n = 1; ; n++) {
      await expect(status).toContainText(`page ${n} of ${Math.ceil(api!.documents / per)}`);
      const groups = page.locator('[data-result-group]');
      await expect(groups.first()).toBeVisible();
      seen.push(...(await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-result-group') ?? ''))));
      const next = page.getByRole('link', { name: 'Next episodes →' });
      if ((await next.count()) === 0) break;
      await next.click();
      await expect(page).toHaveURL(new RegExp(`page=${n + 1}`));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(api!.documents);
  });

  test('Ctrl+K focuses the search box from any page', async ({ page }) => {
    await page.goto('/topics');
    const box = await headerSearch(page);
    await page.keyboard.press('Control+k');
    await expect(box).toBeFocused();
  });
});
