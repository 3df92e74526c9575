import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type LadderDb } from '@/db/client';
import { resolveIndexDir } from '@/db/config';
import { importPaths } from '@/db/import/run-import';
import { clearSearchIndexCache, getServingIndex, searchSegments, servingVersion } from '@/db/search';
import { setVersionSampleMs } from '@/db/search/index-store';
import { readIndexDir, readIndexDirAsync, runInSlices, SLICE_MS } from '@/db/search/index-files';
import { buildSnippet } from '@/lib/search/snippet';
import { frontmatterTranscript } from '../support/samples';
import { makeTempDir, writeFiles } from '../support/temp';

/**
 * The search index is derived data that only the importer writes: built after
 * the database commit and swapped in whole. A server never builds or writes one:
 * it loads what was published, off the request path, keeps answering from the
 * index it has meanwhile (a hit whose row has gone is left out), and answers
 * that search is not available yet when nothing usable is published.
 */
let tmp: ReturnType<typeof makeTempDir>;
let content: string;
let dbPath: string;
let indexDir: string;
let reader: LadderDb | null = null;

const contentVersion = (ladder: LadderDb) => (ladder.sqlite.prepare(`SELECT value FROM meta WHERE key = 'content_version'`).get() as { value: string }).value;
// SQLite's own -wal and -shm files appear for any reader of a WAL database; everything else is ours
const files = () => fs.readdirSync(tmp.dir).filter((f) => !/-(wal|shm)$/.test(f)).sort();

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

/** A server process: its read-only connection and the index it serves (the API and pages search this way). */
async function serverSearch(q: string, fresh = false) {
  if (fresh || !reader) {
    clearSearchIndexCache();
    reader?.sqlite.close();
    reader = openDatabase({ path: dbPath, readonly: true });
  }
  return searchSegments({ ladderDb: reader, q, index: await getServingIndex(reader) });
}

/** Searches as the server does until `done` holds, for at most `ms`; returns the last answer and how long it took. */
async function searchUntil(q: string, done: (r: Awaited<ReturnType<typeof serverSearch>>) => boolean, ms = 2_000) {
  const t0 = Date.now();
  let r = await serverSearch(q);
  while (!done(r) && Date.now() - t0 < ms) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    r = await serverSearch(q);
  }
  return { r, ms: Date.now() - t0 };
}

describe('the search index', () => {
  it('is published by the import after the commit, for its database and committed content version, with no temporary folders left', () => {
    const ladder = openDatabase({ path: dbPath, readonly: true });
    const published = readIndexDir(indexDir);
    expect(published.contentVersion).toBe(contentVersion(ladder));
    expect(published.archiveId).toBe(ladder.sqlite.prepare(`SELECT value FROM meta WHERE key = 'archive_id'`).pluck().get());
    ladder.sqlite.close();
    expect(fs.readdirSync(tmp.dir).filter((f) => f.includes('.search.'))).toEqual([path.basename(fs.realpathSync(indexDir))]);
  });

  it('is loaded by a server from what was published, without building or writing anything', async () => {
    const before = files();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await serverSearch('staff promo', true);
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.degraded).toBeUndefined();
    expect((await getServingIndex(reader!))?.origin).toBe('disk');
    expect(warn).not.toHaveBeenCalled();
    expect(files()).toEqual(before);
  });

  it.each([
    ['missing', /no index published/, () => fs.rmSync(indexDir, { recursive: true })],
    ['a damaged manifest', /not loaded: .*JSON/, () => fs.writeFileSync(path.join(indexDir, 'manifest.json'), '{"format": 1, "flex": [')],
    ['a damaged store', /not loaded: store\.bin has 7 bytes/, () => fs.writeFileSync(path.join(indexDir, 'store.bin'), Buffer.from('garbage'))],
    ['a lost file', /not loaded: ENOENT/, () => fs.rmSync(path.join(indexDir, 'store.json'))],
  ])('when %s, a server answers that search is not available yet, writes nothing, and the next import publishes again', async (_name, logged, damage) => {
    damage();
    const before = files();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await serverSearch('staff promo', true);
    expect(result).toMatchObject({ total: 0, hits: [] });
    expect(result.degraded).toMatch(/no search index has been published/);
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(logged);
    expect(files()).toEqual(before);

    // a re-import with nothing changed repairs it, and the running server picks it up by itself
    const again = await importPaths({ paths: [content], dbPath });
    expect(again.documents.map((d) => d.status)).toEqual(['unchanged']);
    expect(readIndexDir(indexDir).contentVersion).toBe(contentVersion(reader!));
    const { r } = await searchUntil('staff promo', (x) => x.degraded === undefined);
    expect(r.degraded).toBeUndefined();
    expect(r.hits.map((h) => h.documentSlug)).toContain('from-pip-to-staff-promo');
    expect((await getServingIndex(reader!))?.origin).toBe('disk');
  });

  it('keeps serving the index it has while the database moves on, leaving out hits whose rows have gone', async () => {
    expect((await serverSearch('staff promo', true)).hits.map((h) => h.documentSlug)).toEqual(['from-pip-to-staff-promo', 'from-pip-to-staff-promo']);
    // the file is replaced (its rows get new ids) by an import that has not published yet
    writeFiles(content, { 'a.md': frontmatterTranscript({ title: 'Tokenmaxxing at a startup', extraTurn: 'We talked about tokenmaxxing.' }) });
    await importPaths({ paths: [content], dbPath, rebuildIndex: false });
    const stale = await serverSearch('staff promo');
    expect(stale.degraded).toBeUndefined();
    expect(stale.total).toBeGreaterThan(0);
    expect(stale.hits).toEqual([]);
    expect((await serverSearch('tokenmaxxing')).total).toBe(0);
  });

  it('makes new content searchable within 2 s of its publication, loading it off the request path', async () => {
    const old = await getServingIndex((await serverSearch('staff promo', true), reader!));
    writeFiles(content, { 'b.md': frontmatterTranscript({ title: 'Tokenmaxxing at a startup', guest: 'Lee Okafor', extraTurn: 'We talked about tokenmaxxing.' }) });
    await importPaths({ paths: [content], dbPath });
    const { r, ms } = await searchUntil('tokenmaxxing', (x) => x.hits.length > 0);
    expect(r.hits.map((h) => h.documentSlug)).toContain('tokenmaxxing-at-a-startup');
    expect(ms).toBeLessThan(2_000);
    expect(await getServingIndex(reader!)).not.toBe(old);
  });

  it('answers from the old index while the new one loads', async () => {
    const old = (await serverSearch('staff promo', true), await getServingIndex(reader!));
    writeFiles(content, { 'b.md': frontmatterTranscript({ title: 'Another story', guest: 'Lee Okafor' }) });
    await importPaths({ paths: [content], dbPath });
    await new Promise((r) => setTimeout(r, 300));
    // the first request after the publication starts the load and is answered at once, by the index it had
    expect(await getServingIndex(reader!)).toBe(old);
    const { r } = await searchUntil('another', (x) => x.hits.length > 0);
    expect(r.hits.length).toBeGreaterThan(0);
  });

  it('gives caches a serving version that follows commits at most once per sample and a new index at once', async () => {
    setVersionSampleMs(60_000);
    try {
      await serverSearch('staff promo', true);
      const v1 = servingVersion(reader!);
      writeFiles(content, { 'b.md': frontmatterTranscript({ title: 'Another story', guest: 'Lee Okafor' }) });
      await importPaths({ paths: [content], dbPath, rebuildIndex: false });
      // within the sample the commit is not seen yet; the next sample sees it (restarting the interval reads at once)
      expect(servingVersion(reader!)).toBe(v1);
      setVersionSampleMs(60_000);
      const v2 = servingVersion(reader!);
      expect(v2).not.toBe(v1);
      await importPaths({ paths: [content], dbPath });
      const { r } = await searchUntil('another', (x) => x.hits.length > 0);
      expect(r.hits.length).toBeGreaterThan(0);
      // the database did not change again: only the newly loaded index moved the version
      expect(servingVersion(reader!).split('\n').slice(0, 2)).toEqual(v2.split('\n').slice(0, 2));
      expect(servingVersion(reader!)).not.toBe(v2);
    } finally {
      setVersionSampleMs(1_000);
    }
  });

  it('loads in slices that let other work run between them, each no longer than its budget and one step', async () => {
    const busy = (ms: number) => {
      for (const until = performance.now() + ms; performance.now() < until; );
    };
    const slices: number[][] = [[]];
    function* steps(): Generator<void, string> {
      for (let i = 0; i < 40; i++) {
        busy(4);
        slices.at(-1)!.push(i);
        yield;
      }
      return 'loaded';
    }
    let others = 0;
    const tick = setInterval(() => {
      others++;
      slices.push([]);
      busy(10);
    }, 0);
    try {
      expect(await runInSlices(steps())).toBe('loaded');
    } finally {
      clearInterval(tick);
    }
    const used = slices.filter((s) => s.length > 0);
    expect(others).toBeGreaterThan(2);
    expect(used.length).toBeGreaterThan(2);
    // a slice stops at its budget (at most SLICE_MS.max) after the step that crossed it
    expect(Math.max(...used.map((s) => s.length)) * 4).toBeLessThanOrEqual(SLICE_MS.max + 4 + 4);
    expect(used.flat()).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('loads a published index the same in slices as at once', async () => {
    const sliced = await readIndexDirAsync(indexDir);
    const whole = readIndexDir(indexDir);
    expect(sliced.store.n).toBe(whole.store.n);
    expect(sliced.contentVersion).toBe(whole.contentVersion);
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
