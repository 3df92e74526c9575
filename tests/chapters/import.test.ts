import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@/db/client';
import { importPaths } from '@/db/import/run-import';
import { getDocumentBySlug } from '@/db/queries/documents';
import { clearSearchIndexCache } from '@/db/search';
import { searchSegments } from '@/db/search/search-segments';
import { runShowCommand } from '@/scripts/commands/show';
import { frontmatterTranscript } from '../support/samples';
import { makeTempDir, writeFiles } from '../support/temp';

const FIXTURE = fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'chapters', 'no-chapters-interview.md'), 'utf8');

let tmp: ReturnType<typeof makeTempDir>;
let content: string;
let dbPath: string;

beforeEach(() => {
  tmp = makeTempDir();
  content = path.join(tmp.dir, 'content');
  dbPath = path.join(tmp.dir, 'test.db');
  fs.mkdirSync(content);
});
afterEach(() => {
  clearSearchIndexCache();
  tmp.cleanup();
});

function read<T>(fn: (sqlite: ReturnType<typeof openDatabase>['sqlite']) => T): T {
  const { sqlite } = openDatabase({ path: dbPath });
  try {
    return fn(sqlite);
  } finally {
    sqlite.close();
  }
}

const termDocs = () => read((s) => Number((s.prepare(`SELECT value FROM meta WHERE key = 'term_stats_docs'`).get() as { value: string } | undefined)?.value ?? 0));
const df = (term: string) => read((s) => (s.prepare('SELECT df FROM term_stats WHERE term = ?').get(term) as { df: number } | undefined)?.df ?? 0);

describe('importing a document whose source has no chapters', () => {
  it('stores generated chapters, marked generated, with every segment in one', async () => {
    writeFiles(content, { 'interview.md': FIXTURE, 'with-chapters.md': frontmatterTranscript() });
    const report = await importPaths({ paths: [content], dbPath, rebuildIndex: false });
    expect(report.failed).toEqual([]);
    const made = report.documents.find((d) => d.file.endsWith('interview.md'))!;
    const given = report.documents.find((d) => d.file.endsWith('with-chapters.md'))!;
    const ladderDb = openDatabase({ path: dbPath });
    try {
      const doc = getDocumentBySlug({ slug: made.slug, ladderDb })!;
      expect(doc.chapters.length).toBe(5);
      expect(doc.chapters.every((c) => c.generated)).toBe(true);
      expect(doc.chapters[0]!.startSeconds).toBe(0);
      expect(doc.segments.every((s) => s.chapterId !== null)).toBe(true);
      // the source's own chapters win
      const own = getDocumentBySlug({ slug: given.slug, ladderDb })!;
      expect(own.chapters.map((c) => [c.title, c.generated])).toEqual([
        ['Getting put on a PIP', false],
        ['The staff promo', false],
      ]);
    } finally {
      ladderDb.sqlite.close();
    }
  });

  it('says which chapters are generated in `show --json` and in search hits', async () => {
    writeFiles(content, { 'interview.md': FIXTURE });
    const report = await importPaths({ paths: [content], dbPath });
    const slug = report.documents[0]!.slug;
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    try {
      expect(await runShowCommand([slug, '--db', dbPath, '--json'])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const shown = JSON.parse(out) as { chapters: { title: string; generated: boolean }[] };
    expect(shown.chapters.length).toBe(5);
    expect(shown.chapters.every((c) => c.generated === true)).toBe(true);

    const ladderDb = openDatabase({ path: dbPath, readonly: true });
    try {
      const result = searchSegments({ ladderDb, q: 'settlement batch' });
      expect(result.hits.length).toBeGreaterThan(0);
      expect(result.hits.every((h) => h.chapterGenerated === true && h.chapterTitle !== null)).toBe(true);
    } finally {
      ladderDb.sqlite.close();
    }
  });

  it('keeps the archive term counts right through re-imports and removals', async () => {
    writeFiles(content, { 'interview.md': FIXTURE, 'other.md': frontmatterTranscript() });
    await importPaths({ paths: [content], dbPath, rebuildIndex: false });
    expect(termDocs()).toBe(2);
    expect(df('ledger')).toBe(1);
    expect(df('promotion')).toBe(2);
    // an edited file is counted out and in again, not twice
    writeFiles(content, { 'interview.md': FIXTURE.replace('Welcome to the show.', 'Welcome back to the show.') });
    await importPaths({ paths: [content], dbPath, rebuildIndex: false });
    expect(termDocs()).toBe(2);
    expect(df('ledger')).toBe(1);
    // an unchanged import counts nothing
    await importPaths({ paths: [content], dbPath, rebuildIndex: false });
    expect(termDocs()).toBe(2);
    fs.rmSync(path.join(content, 'interview.md'));
    await importPaths({ paths: [content], dbPath, rebuildIndex: false });
    expect(termDocs()).toBe(1);
    expect(df('ledger')).toBe(0);
    expect(df('promotion')).toBe(1);
  });
});
