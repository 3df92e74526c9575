import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, saveScreenshot } from './support';

/** Opens a cell of the promotion matrix and follows its story by `teller` to the episode, checking it lands on its second. */
async function openCell(page: Page, cell: RegExp, teller: string): Promise<void> {
  await page.goto('/promotions');
  const matrix = page.getByRole('table');
  await matrix.getByRole('link', { name: cell }).click();
  await expect(page).toHaveURL(/[?&]from=[\w-]+&to=[\w-]+/);
  const stories = page.getByRole('region', { name: /stor/ });
  const card = stories.locator('figure', { hasText: teller }).first();
  await expect(card).toBeVisible();
  const time = card.locator('a[href*="?t="]').first();
  const href = (await time.getAttribute('href'))!;
  const seconds = /[?&]t=(\d+)/.exec(href)![1];
  await time.click();
  await expect(page).toHaveURL(new RegExp(`[?&]t=${seconds}\\b`));
  const target = page.locator('.segment[aria-current="true"]');
  await expect(target).toHaveCount(1);
  await expect(target).toBeInViewport();
  // it lands on the segment that holds that second: it starts at or before it, the next one after it
  const start = Number(await target.getAttribute('data-start'));
  expect(start).toBeLessThanOrEqual(Number(seconds));
  const next = await target.evaluate((el) => document.querySelector(`.segment[data-ordinal="${Number(el.getAttribute("data-ordinal")) + 1}"]`)?.getAttribute('data-start') ?? null);
  if (next !== null) expect(Number(next)).toBeGreaterThan(Number(seconds));
}

test.describe('career moments (issue 16)', () => {
  test('/promotions shows Stefan Mai’s M1 → M2 and Evan King’s mid-level, senior and staff steps', async ({ page }) => {
    await page.goto('/promotions');
    await expect(page.getByRole('heading', { level: 1, name: 'Promotions by level' })).toBeVisible();
    const matrix = page.getByRole('table');
    for (const cell of [/: M1 \(manager\) to M2 \(senior manager\)$/, /: Junior to Mid-level$/, /: Mid-level to Senior$/, /: Senior to Staff$/]) {
      await expect(matrix.getByRole('link', { name: cell })).toBeVisible();
    }
    await expect(page.locator('figure', { hasText: 'Stefan Mai' }).first()).toBeVisible();
    await saveScreenshot(page, 'promotions', { fullPage: true });
    await expectNoSeriousAxeViolations(page);
  });

  test('a cell opens its stories as quotes that land on their second', async ({ page }) => {
    await openCell(page, /: M1 \(manager\) to M2 \(senior manager\)$/, 'Stefan Mai');
    await openCell(page, /: Senior to Staff$/, 'Evan King');
  });

  test('filters keep to a company and a track', async ({ page }) => {
    await page.goto('/promotions?company=Meta&track=manager');
    const matrix = page.getByRole('table');
    await expect(matrix.getByRole('link', { name: /M1 \(manager\) to M2/ })).toBeVisible();
    await expect(matrix.getByRole('link', { name: /Senior to Staff/ })).toHaveCount(0);
  });

  test('Stefan Mai’s guest page shows his career timeline, Amazon before Meta', async ({ page }) => {
    await page.goto('/guests/stefan-mai');
    const timeline = page.getByRole('region', { name: 'Career timeline' });
    await expect(timeline).toBeVisible();
    const companies = await timeline.getByRole('list', { name: 'Companies, in order' }).locator(':scope > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-company')));
    expect(companies.indexOf('Amazon')).toBeGreaterThanOrEqual(0);
    expect(companies.indexOf('Amazon')).toBeLessThan(companies.indexOf('Meta'));
    await expect(timeline.getByText('Career start')).toBeVisible();
    await expect(timeline.getByRole('link', { name: /M1 \(manager\) → M2 \(senior manager\) at Meta/ })).toHaveAttribute('href', /\?t=\d+$/);
    await saveScreenshot(page, 'guest-timeline');
  });

  test('the home page and the promotions topic link to /promotions; an episode lists its moments', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Promotions by level' }).click();
    await expect(page).toHaveURL(/\/promotions$/);
    await page.goto('/topics/promotions');
    await expect(page.getByRole('link', { name: 'Promotions by level' })).toHaveAttribute('href', '/promotions');
    await page.goto('/guests/stefan-mai');
    await page.getByRole('region', { name: 'Appears in' }).getByRole('link').first().click();
    const moments = page.getByRole('navigation', { name: 'Career moments' });
    await expect(moments.getByRole('link', { name: /Joined Amazon/ })).toBeVisible();
  });

  test('GET /api/moments gives the moments as JSON and names a bad parameter', async ({ request }) => {
    const res = await request.get('/api/moments?company=Meta&from=senior&to=E6');
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { total: number; moments: { person: { name: string }; to: { step: string }; url: string }[] };
    expect(body.moments.map((m) => m.person.name)).toContain('Evan King');
    expect(body.moments.every((m) => m.to.step === 'staff')).toBe(true);
    const bad = await request.get('/api/moments?kind=promotions');
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^kind must be one of/);
  });
});
