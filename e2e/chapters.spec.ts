import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { saveScreenshot } from './support';

const E2E_DB = path.resolve(__dirname, '..', 'data', 'e2e.db');

interface Doc {
  id: number;
  slug: string;
}
interface Chapter {
  title: string;
  start: number;
  first: number;
}

/** The longest episode of the test database whose chapters Ladder generated (its source had none). */
function longestGenerated(): { doc: Doc; chapters: Chapter[] } {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    const doc = db
      .prepare(
        `SELECT d.id, d.slug FROM documents d
         WHERE EXISTS (SELECT 1 FROM chapters c WHERE c.document_id = d.id AND c.generated = 1)
         ORDER BY (SELECT max(s.start_seconds) FROM segments s WHERE s.document_id = d.id) DESC LIMIT 1`,
      )
      .get() as Doc | undefined;
    if (!doc) throw new Error('the e2e database has no episode with generated chapters');
    const chapters = db
      .prepare(
        `SELECT c.title, c.start_seconds AS start, (SELECT min(s.ordinal) FROM segments s WHERE s.chapter_id = c.id) AS first
         FROM chapters c WHERE c.document_id = ? ORDER BY c.ordinal`,
      )
      .all(doc.id) as Chapter[];
    return { doc, chapters };
  } finally {
    db.close();
  }
}

test.describe('generated chapters (issue 12)', () => {
  test('a long episode without source chapters lists chapters marked auto, and following one lands on its turn', async ({ page }) => {
    const { doc, chapters } = longestGenerated();
    expect(chapters.length).toBeGreaterThanOrEqual(3);
    await page.goto(`/episodes/${doc.slug}`);
    const nav = page.getByRole('navigation', { name: 'Chapters' });
    await expect(nav.getByText('Made by Ladder from the transcript')).toBeVisible();
    await expect(nav.getByRole('listitem')).toHaveCount(chapters.length);
    await expect(nav.locator('[data-generated-chapter]')).toHaveCount(chapters.length);
    await expect(nav.locator('[data-generated-chapter]').first()).toHaveText('auto');
    await saveScreenshot(page, 'generated-chapters');

    const k = Math.floor(chapters.length / 2);
    const chapter = chapters[k]!;
    const item = nav.getByRole('listitem').nth(k);
    await expect(item).toContainText(chapter.title);
    await item.getByRole('link').first().click();
    await expect(page).toHaveURL(new RegExp(`[?&]t=${chapter.start}\\b`));
    const target = page.locator('.segment[aria-current="true"]');
    await expect(target).toHaveCount(1);
    await expect(target).toHaveAttribute('data-ordinal', String(chapter.first));
    await expect(target).toBeInViewport();
    await expect(nav.locator('[aria-current="location"]')).toContainText(chapter.title);
  });
});
