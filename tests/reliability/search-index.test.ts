import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type LadderDb } from '@/db/client';
import { resolveIndexDir } from '@/db/config';
import { importPaths } from '@/db/import/run-import';
import { clearSearchIndexCache, searchSegments } from '@/db/search';
import { readIndexDir } from '@/db/search/index-files';
import { buildSnippet } from '@/lib/search/snippet';
import { frontmatterTranscript } from '../support/samples';
import { makeTempDir, writeFiles } from '../support/temp';

/**
 * The search index is derived data: written only after the database commit,
 * swapped in whole, and rebuilt from SQLite (with a log line) whenever it is
 * missing, damaged or older than the database, instead of failing a search.
 */
let tmp: ReturnType<typeof makeTempDir>;
let content: string;
let dbPath: string;
let indexDir: string;
let reader: LadderDb | null = null;

const contentVersion = (ladder: LadderDb) => (ladder.sqlite.prepare(`SELECT value FROM meta WHERE key = 'content_version'`).get() as { value: string }).value;

beforeEach(async () => {
  tmp = makeTempDir('ladder-index-');
  content = path.join(tmp.dir, 'content');
  dbPath = path.join(tmp.dir, 'ladder.db');
  indexDir = resolveIndexDir(dbPath);
  writeFiles(content, { 'a.md': frontmatterTranscript() });
  const report = await importPaths({ paths: [content], dbPath });
  expect(report.warnings).toEqual([]);
  clearSearchIndexCache();
});
afterEach(() => {
  reader?.sqlite.close();
  reader = null;
  clearSearchIndexCache();
  vi.restoreAllMocks();
  tmp.cleanup();
});

/** A fresh server process: its own query_only connection and no index in memory. */
function serverSearch(q: string) {
  clearSearchIndexCache();
  reader?.sqlite.close();
  reader = openDatabase({ path: dbPath, readonly: true });
  return searchSegments({ ladderDb: reader, q });
}

describe('the search index', () => {
  it('is written by the import after the commit, at the committed content version, with no temporary folders left', () => {
    const ladder = openDatabase({ path: dbPath, readonly: true });
    expect(readIndexDir(indexDir).contentVersion).toBe(contentVersion(ladder));
    ladder.sqlite.close();
    expect(fs.readdirSync(tmp.dir).filter((f) => f.includes('.search.'))).toEqual([path.basename(fs.realpathSync(indexDir))]);
  });

  it.each([
    ['missing', () => fs.rmSync(indexDir, { recursive: true })],
    ['unreadable', () => fs.writeFileSync(path.join(indexDir, 'manifest.json'), '{"format": 1, "flex": [')],
    ['unreadable', () => fs.writeFileSync(path.join(indexDir, 'store.bin'), Buffer.from('garbage'))],
    ['unreadable', () => fs.rmSync(path.join(indexDir, 'store.json'))],
  ])('is rebuilt from SQLite with a log line when %s', (reason, damage) => {
    damage();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = serverSearch('staff promo');
    expect(result.hits.length).toBeGreaterThan(0);
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(new RegExp(`index .* is ${reason}.*rebuilding from SQLite`));
    // and the repaired files serve the next start without a rebuild
    warn.mockClear();
    expect(readIndexDir(indexDir).contentVersion).toBe(contentVersion(reader!));
    expect(serverSearch('staff promo').hits.length).toBe(result.hits.length);
    expect(warn).not.toHaveBeenCalled();
  });

  it('is rebuilt when the database moved on without it (an import run without the index step)', async () => {
    writeFiles(content, { 'b.md': frontmatterTranscript({ title: 'Tokenmaxxing at a startup', guest: 'Lee Okafor', extraTurn: 'We talked about tokenmaxxing.' }) });
    await importPaths({ paths: [content], dbPath, rebuildIndex: false });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = serverSearch('tokenmaxxing');
    expect(result.hits.map((h) => h.documentSlug)).toContain('tokenmaxxing-at-a-startup');
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/stale/);
  });
});

describe('snippets', () => {
  it('escape transcript markup around the <mark> tags', () => {
    const html = buildSnippet('<script>window.__xss=1</script> the promo <img src=x onerror="window.__xss=1"> packet', { exact: ['promo', 'script', 'img'], prefixes: [], phrases: [] });
    expect(html).not.toMatch(/<(?!\/?mark>)/);
    expect(html).toContain('&lt;<mark>script</mark>&gt;');
    expect(html).toContain('<mark>promo</mark>');
  });
});
