import { expect, test } from '@playwright/test';
import { CORPUS_MARKERS, saveScreenshot } from './support';

// Run with ../shared/real/changelog in the e2e library (global-setup) it checks that none of the
// archive's many `pip install` passages reach the PIP page; on the corpus alone it still checks the PIP quotes.
test.describe('topic pages quote what they claim (issue 13)', () => {
  test('/topics/pips shows the corpus PIP passages, each linked to its second, and nothing about Python’s pip', async ({ page }) => {
    await page.goto('/topics/pips');
    const quotes = page.getByRole('region', { name: 'What people say' });
    const cards = quotes.locator('figure');
    await expect(cards.first()).toBeVisible();
    // the real archive says "pip install" dozens of times: none of it may be a quote here
    for (const text of await quotes.locator('blockquote').allInnerTexts()) {
      expect(text).not.toMatch(/\bpip[- ]install|python|pypi|\bpackages?\b|homebrew/i);
    }
    const corpus = cards.filter({ has: page.getByRole('link', { name: CORPUS_MARKERS.stefanMai }) });
    expect(await corpus.count()).toBeGreaterThanOrEqual(2);
    await expect(corpus.locator('blockquote').filter({ hasText: /PIP|low performer/i }).first()).toBeVisible();
    for (const card of await corpus.all()) {
      await expect(card.locator('figcaption a[href*="?t="]')).toHaveAttribute('href', /^\/episodes\/[^?#]+\?t=\d+$/);
    }
    await saveScreenshot(page, 'topic-pips', { fullPage: true });
    // the link lands on the passage at that second
    await corpus.first().locator('figcaption a[href*="?t="]').click();
    await expect(page).toHaveURL(/\?t=\d+/);
    await expect(page.locator('.segment[aria-current="true"]')).toHaveCount(1);
  });

  test('quotes can be read newest first, the order kept in the URL', async ({ page }) => {
    await page.goto('/topics/promotions');
    const order = page.getByRole('navigation', { name: 'Order of quotes' });
    await expect(order.getByRole('link', { name: 'Most on topic' })).toHaveAttribute('aria-current', 'page');
    await order.getByRole('link', { name: 'Newest first' }).click();
    await expect(page).toHaveURL(/\/topics\/promotions\?sort=newest/);
    await expect(page.getByRole('navigation', { name: 'Order of quotes' }).getByRole('link', { name: 'Newest first' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('region', { name: 'What people say' }).locator('figure').first()).toBeVisible();
  });
});
