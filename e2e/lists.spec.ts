import { expect, test, type Page } from '@playwright/test';
import { PAGING_GUESTS } from './global-setup';
import { saveScreenshot } from './support';

/**
 * The lists on an archive of hundreds (issue 15): paged 24 at a time with the
 * page in the URL, sorted, filtered as you type. global-setup.ts adds 60
 * small generated documents (guest k mod 36), so there are always several
 * pages, whatever else the library holds.
 */
const PER_PAGE = 24;

async function cardTitles(page: Page, list: string): Promise<string[]> {
  return page.locator(`[data-list="${list}"] > li h3`).allInnerTexts();
}

/** "N documents" / "N guests" in the list's heading. */
async function listTotal(page: Page, id: string): Promise<number> {
  const text = await page.locator(`#${id}`).innerText();
  return Number(/^([\d,]+)/.exec(text)?.[1]?.replace(/,/g, ''));
}

function appearances(cardText: string): number {
  return Number(/(\d+) appearances? as guest/.exec(cardText)?.[1] ?? NaN);
}

test.describe('lists that scale (issue 15)', () => {
  test('the library pages 24 at a time, the page in the URL, the same with and without JavaScript', async ({ page, browser }) => {
    await page.goto('/episodes');
    const total = await listTotal(page, 'results-heading');
    expect(total).toBeGreaterThan(2 * PER_PAGE);
    const first = await cardTitles(page, 'documents');
    expect(first).toHaveLength(PER_PAGE);
    const pages = page.getByRole('navigation', { name: 'Library pages' });
    await expect(pages).toContainText(`Page 1 of ${Math.ceil(total / PER_PAGE)}`);
    await pages.getByRole('link', { name: /Next/ }).click();
    await expect(page).toHaveURL(/\/episodes\?page=2$/);
    await expect(page.locator('#results-heading')).toContainText(`${PER_PAGE + 1}–${2 * PER_PAGE}`);
    const second = await cardTitles(page, 'documents');
    expect(second).toHaveLength(PER_PAGE);
    expect(second.filter((t) => first.includes(t))).toEqual([]);
    await expect(pages.locator('[aria-current="page"]')).toHaveText(/2/);
    await saveScreenshot(page, 'library-page-2', { fullPage: true });

    // the last page holds the rest; a page past the end shows the last one
    const last = Math.ceil(total / PER_PAGE);
    await page.goto(`/episodes?page=${last + 5}`);
    expect(await cardTitles(page, 'documents')).toHaveLength(total - (last - 1) * PER_PAGE);

    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto('/episodes?page=2');
    expect(await cardTitles(plain, 'documents')).toEqual(second);
    await plain.getByRole('navigation', { name: 'Library pages' }).getByRole('link', { name: /Previous/ }).click();
    await expect(plain).toHaveURL(/\/episodes$/);
    expect(await cardTitles(plain, 'documents')).toEqual(first);
    await noJs.close();
  });

  test('the library sorts A–Z across pages, and the filter box narrows it as you type', async ({ page }) => {
    await page.goto('/episodes');
    await page.getByRole('navigation', { name: 'Sort' }).getByRole('link', { name: 'A–Z' }).click();
    await expect(page).toHaveURL(/sort=title/);
    const one = await cardTitles(page, 'documents');
    await page.getByRole('navigation', { name: 'Library pages' }).getByRole('link', { name: /Next/ }).click();
    await expect(page).toHaveURL(/sort=title&page=2|page=2&sort=title/);
    const two = await cardTitles(page, 'documents');
    const all = [...one, ...two];
    // as people read A–Z: case and accents aside, numbers by value ("#2" before "#10")
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const sorted = [...all].sort((a, b) => collator.compare(a, b));
    expect(all).toEqual(sorted);

    const box = page.getByRole('searchbox', { name: 'Filter by title, show or name' });
    await box.fill('');
    await box.pressSequentially('gardening 4', { delay: 30 });
    await expect(page).toHaveURL(/q=gardening\+4/);
    await expect(page).not.toHaveURL(/page=2/);
    // every word, anywhere in the title, the show or a name: the generated documents with a 4 in their number
    const pad = (n: number) => String(n).padStart(2, '0');
    const expected = Array.from({ length: 60 }, (_, k) => k)
      .filter((k) => pad(k).includes('4'))
      .map((k) => `Paging check ${pad(k)}: notes on gardening`);
    await expect(page.locator('#results-heading')).toHaveText(new RegExp(`^${expected.length} documents`));
    expect((await cardTitles(page, 'documents')).sort()).toEqual(expected);
    await expect(box).toBeFocused();
  });

  test('the guest filter searches every guest by name, not the first in the alphabet', async ({ page }) => {
    await page.goto('/episodes');
    const filters = page.getByRole('complementary', { name: 'Filters' });
    // a guest who appears once, so never among the first options offered
    const name = PAGING_GUESTS[35]!;
    await expect(filters.getByRole('link', { name: new RegExp(`^${name}`) })).toHaveCount(0);
    const find = filters.getByRole('searchbox', { name: 'Find a guest' }).locator('visible=true');
    await find.pressSequentially(name.split(' ')[0]!, { delay: 30 });
    await expect(page).toHaveURL(new RegExp(`guestq=${name.split(' ')[0]}`));
    const option = filters.getByRole('link', { name: new RegExp(`^${name}\\s*1$`) }).locator('visible=true');
    await option.click();
    await expect(page).toHaveURL(/guest=[a-z-]+/);
    expect(await cardTitles(page, 'documents')).toEqual(['Paging check 35: notes on gardening']);
  });

  test('guests page 24 at a time, most episodes first; A–Z sorts by name; the page is in the URL', async ({ page }) => {
    await page.goto('/guests');
    const total = await listTotal(page, 'guests-heading');
    expect(total).toBeGreaterThan(PER_PAGE);
    const cards = page.locator('[data-list="guests"] > li');
    await expect(cards).toHaveCount(PER_PAGE);
    const counts1 = (await cards.allInnerTexts()).map(appearances);
    await page.getByRole('navigation', { name: 'Guest pages' }).getByRole('link', { name: /Next/ }).click();
    await expect(page).toHaveURL(/\/guests\?page=2$/);
    const counts2 = (await cards.allInnerTexts()).map(appearances);
    const counts = [...counts1, ...counts2];
    expect(counts.every((n) => n >= 1)).toBe(true);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await saveScreenshot(page, 'guests-page-2');

    await page.goto('/guests?sort=name');
    const names = await page.locator('[data-list="guests"] > li h3').allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    // a surname six of the generated guests share
    await page.getByRole('searchbox', { name: 'Filter by name, role or company' }).pressSequentially('fairholm', { delay: 30 });
    await expect(page).toHaveURL(/q=fairholm/);
    await expect(page).toHaveURL(/sort=name/);
    await expect(page.locator('#guests-heading')).toHaveText(/^6 guests/);
    const found = await page.locator('[data-list="guests"] > li h3').allInnerTexts();
    expect(found).toEqual(PAGING_GUESTS.filter((g) => g.endsWith('Fairholm')).sort((a, b) => a.localeCompare(b)));
  });

  test('topics are a sorted, filterable list', async ({ page }) => {
    await page.goto('/topics');
    const quotes = (await page.locator('[data-list="topics"] > li').allInnerTexts()).map((t) => Number(/(\d+) quotes?/.exec(t)?.[1]));
    expect(quotes.length).toBeGreaterThan(1);
    expect(quotes).toEqual([...quotes].sort((a, b) => b - a));
    await page.getByRole('searchbox', { name: 'Filter topics' }).fill('pip');
    await expect(page).toHaveURL(/q=pip/);
    await expect(page.locator('[data-list="topics"] > li h3').first()).toHaveText('PIPs');
  });

  test('the home page shows the newest documents and the guests heard most', async ({ page }) => {
    await page.goto('/');
    const latest = page.getByRole('region', { name: 'Latest' });
    const dates = await latest.locator('article').evaluateAll((cards) => cards.map((c) => c.textContent ?? ''));
    expect(dates.length).toBeGreaterThan(0);
    // the newest document in the library (dated 2025-08-15) comes first
    await expect(latest.locator('article').first()).toContainText('Intern to Microsoft Distinguished Engineer');
    const guests = page.getByRole('region', { name: 'Guests heard most' });
    const counts = (await guests.locator('article').allInnerTexts()).map(appearances);
    expect(counts[0]).toBeGreaterThanOrEqual(2);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
