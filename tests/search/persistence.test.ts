import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type LadderDb } from '@/db/client';
import { resolveIndexDir } from '@/db/config';
import { IndexPublisher, publishSearchIndex } from '@/db/import/search-hook';
import { segments } from '@/db/schema';
import { clearSearchIndexCache, getSearchIndex, searchSegments } from '@/db/search';
import { ARCHIVE } from './archive';
import { bumpVersion, makeFixtureDb, removeDb } from './fixture';

let ladderDb: LadderDb;
let dir: string;
const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
const hits = (q: string) => searchSegments({ ladderDb, q, limit: 50 }).hits.map((h) => h.url);
const manifest = () => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { contentVersion: string; archiveId: string };
const versions = () => fs.readdirSync(path.dirname(dir)).filter((f) => f.includes('.search'));

beforeAll(() => {
  ladderDb = makeFixtureDb(ARCHIVE);
  dir = resolveIndexDir(ladderDb.path);
});
afterEach(() => warn.mockClear());
afterAll(() => {
  clearSearchIndexCache();
  removeDb(ladderDb);
  warn.mockRestore();
});

describe('search index persistence', () => {
  it('publishes the index beside the database, for its archive, and reads it back with the same answers', () => {
    const before = [hits('promo'), hits('"staff promo"'), hits('pip')];
    expect(getSearchIndex(ladderDb).origin).toBe('built');
    // a tool that built in memory wrote nothing
    expect(versions()).toEqual([]);
    publishSearchIndex({ ladderDb });
    expect(manifest().contentVersion).toBe('1');
    expect(manifest().archiveId).toMatch(/^[0-9a-f]{32}$/);

    clearSearchIndexCache();
    warn.mockClear();
    const loaded = getSearchIndex(ladderDb);
    expect(loaded.origin).toBe('disk');
    expect([hits('promo'), hits('"staff promo"'), hits('pip')]).toEqual(before);
    expect(warn).not.toHaveBeenCalled();
    // the swap leaves nothing behind but the version the index link points at
    expect(fs.lstatSync(dir).isSymbolicLink()).toBe(true);
    expect(versions().sort()).toEqual([path.basename(dir), path.basename(fs.realpathSync(dir))].sort());
  });

  it('loads once per process', () => {
    expect(getSearchIndex(ladderDb)).toBe(getSearchIndex(ladderDb));
  });

  it('builds in memory, with a warning, when the database moved past the published index, and writes nothing', () => {
    const docId = (ladderDb.sqlite.prepare('SELECT id FROM documents LIMIT 1').get() as { id: number }).id;
    ladderDb.db.insert(segments).values({ documentId: docId, ordinal: 99, text: 'A brand new quokka appears.' }).run();
    bumpVersion(ladderDb.db);
    const published = fs.realpathSync(dir);
    expect(hits('quokka')).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/stale \(built from content_version 1, database is at 2\).*in memory/));
    expect(manifest().contentVersion).toBe('1');
    expect(fs.realpathSync(dir)).toBe(published);
  });

  it('builds in memory instead of failing the search when the published index is damaged', () => {
    publishSearchIndex({ ladderDb });
    fs.writeFileSync(path.join(dir, 'store.json'), '{"n": 1, "vocab": ["promo"');
    clearSearchIndexCache();
    expect(hits('quokka')).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unreadable/));

    fs.writeFileSync(path.join(dir, 'manifest.json'), '{not json');
    clearSearchIndexCache();
    expect(hits('promo').length).toBeGreaterThan(0);
    expect(getSearchIndex(ladderDb).origin).toBe('built');
  });

  it('never uses an index built from another database, even at the same content version', () => {
    const other = makeFixtureDb([ARCHIVE[1]!]);
    try {
      bumpVersion(other.db);
      publishSearchIndex({ ladderDb: other });
      clearSearchIndexCache();
      fs.rmSync(fs.realpathSync(dir), { recursive: true, force: true });
      fs.rmSync(dir, { force: true });
      fs.cpSync(fs.realpathSync(resolveIndexDir(other.path)), dir, { recursive: true });
      expect(manifest().contentVersion).toBe('2');
      expect(hits('quokka')).toHaveLength(1);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/built from another database/));
    } finally {
      removeDb(other);
    }
  });

  it('builds in memory when nothing is published, and through a read-only connection', () => {
    fs.rmSync(dir, { recursive: true, force: true });
    clearSearchIndexCache();
    const readonly = openDatabase({ path: ladderDb.path, readonly: true });
    try {
      expect(searchSegments({ ladderDb: readonly, q: 'quokka' }).total).toBe(1);
      expect(getSearchIndex(readonly).origin).toBe('built');
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/missing/));
      expect(fs.existsSync(dir)).toBe(false);
    } finally {
      readonly.sqlite.close();
      clearSearchIndexCache();
    }
  });

  it('handles an empty archive', () => {
    const empty = makeFixtureDb([]);
    try {
      publishSearchIndex({ ladderDb: empty });
      clearSearchIndexCache();
      expect(searchSegments({ ladderDb: empty, q: 'promo' })).toMatchObject({ total: 0, hits: [], groups: [] });
      expect(getSearchIndex(empty).origin).toBe('disk');
      expect(searchSegments({ ladderDb: empty, q: 'promo', topic: 'pips' }).total).toBe(0);
    } finally {
      removeDb(empty);
    }
  });
});

describe('the importer’s publisher', () => {
  it('publishes after a run that changed something, and after one that did not only when the published index is not current', () => {
    publishSearchIndex({ ladderDb });
    const first = fs.realpathSync(dir);
    expect(new IndexPublisher(ladderDb).finish(false)).toBeNull();
    expect(fs.realpathSync(dir)).toBe(first);
    bumpVersion(ladderDb.db);
    expect(new IndexPublisher(ladderDb).finish(false)).toBeNull();
    expect(fs.realpathSync(dir)).not.toBe(first);
    expect(manifest().contentVersion).toBe(ladderDb.sqlite.prepare(`SELECT value FROM meta WHERE key = 'content_version'`).pluck().get());
  });

  it('publishes during a long run no more often than its interval and four times its own cost', () => {
    let clock = 0;
    const publisher = new IndexPublisher(ladderDb, { minIntervalMs: 1_000, now: () => clock });
    const target = () => fs.realpathSync(dir);
    const start = target();
    clock = 999;
    publisher.afterCommit();
    expect(target()).toBe(start);
    clock = 1_000;
    bumpVersion(ladderDb.db);
    publisher.afterCommit();
    const second = target();
    expect(second).not.toBe(start);
    // the last commit was published already: nothing to do at the end
    expect(publisher.finish(true)).toBeNull();
    expect(target()).toBe(second);
  });
});
