import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const SHOTS = path.resolve(__dirname, '..', 'artifacts', 'screenshots');

/** Saves a screenshot of the page as a test artifact (artifacts/screenshots/NAME.png). */
export async function saveScreenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: opts.fullPage ?? false });
}

/** WCAG 2 A/AA scan; serious and critical violations fail the test, with their targets in the message. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** The four real corpus documents, told apart by what they are (titles are not hard-coded). */
export const CORPUS_MARKERS = {
  stefanMai: /Intern to Microsoft Distinguished Engineer/,
  evanKing: /25 Year Old Staff Eng/,
  brief: /At companies like Meta, career progression/,
  article: /The atmosphere inside Meta/,
};

/**
 * Finds a document through the library's filter box (its title's words), as a
 * reader would in an archive of hundreds, and returns its path.
 */
export async function findDocumentPath(page: Page, title: RegExp): Promise<string> {
  const words = title.source.replace(/\\(.)/g, '$1').replace(/[^\p{L}\p{N}\s]/gu, ' ').trim();
  await page.goto(`/episodes?q=${encodeURIComponent(words)}`);
  const link = page.locator('[data-list="documents"]').getByRole('link', { name: title }).first();
  const href = await link.getAttribute('href');
  if (!href) throw new Error(`no document in the library for ${title}`);
  return href;
}

/** Kept for specs written before the lists were paged: the home page no longer lists every document. */
export const documentPathFromHome = findDocumentPath;
