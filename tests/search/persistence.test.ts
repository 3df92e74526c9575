import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type LadderDb } from '@/db/client';
import { resolveIndexDir } from '@/db/config';
import { segments } from '@/db/schema';
import { clearSearchIndexCache, ensureSearchIndex, getSearchIndex, rebuildSearchIndex, searchSegments } from '@/db/search';
import { ARCHIVE } from './archive';
import { bumpVersion, makeFixtureDb, removeDb } from './fixture';

let ladderDb: LadderDb;
let dir: string;
const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
const hits = (q: string) => searchSegments({ ladderDb, q, limit: 50 }).hits.map((h) => h.url);

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
  it('writes the index beside the database and reads it back with the same answers', () => {
    const built = rebuildSearchIndex({ ladderDb });
    expect(built.origin).toBe('built');
    expect(fs.existsSync(path.join(dir, 'manifest.json'))).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.contentVersion).toBe('1');
    const before = [hits('promo'), hits('"staff promo"'), hits('pip')];

    clearSearchIndexCache();
    const loaded = getSearchIndex(ladderDb);
    expect(loaded.origin).toBe('disk');
    expect([hits('promo'), hits('"staff promo"'), hits('pip')]).toEqual(before);
    expect(warn).not.toHaveBeenCalled();
    // the swap leaves nothing behind but the version the index link points at
    expect(fs.lstatSync(dir).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(path.dirname(dir)).filter((f) => f.includes('.search.'))).toEqual([path.basename(fs.realpathSync(dir))]);
  });

  it('loads once per process', () => {
    expect(getSearchIndex(ladderDb)).toBe(getSearchIndex(ladderDb));
  });

  it('rebuilds a stale index when the content version moves, with a warning', () => {
    const docId = (ladderDb.sqlite.prepare('SELECT id FROM documents LIMIT 1').get() as { id: number }).id;
    ladderDb.db.insert(segments).values({ documentId: docId, ordinal: 99, text: 'A brand new quokka appears.' }).run();
    bumpVersion(ladderDb.db);
    expect(hits('quokka')).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/stale \(built from content_version 1, database is at 2\)/));
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).contentVersion).toBe('2');
  });

  it('rebuilds a damaged index instead of failing the search', () => {
    fs.writeFileSync(path.join(dir, 'store.json'), '{"n": 1, "vocab": ["promo"');
    clearSearchIndexCache();
    expect(hits('quokka')).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unreadable/));

    fs.writeFileSync(path.join(dir, 'manifest.json'), '{not json');
    clearSearchIndexCache();
    expect(hits('promo').length).toBeGreaterThan(0);
    expect(getSearchIndex(ladderDb).origin).toBe('built');
  });

  it('notices an index built from another database with the same content version', () => {
    const other = makeFixtureDb([ARCHIVE[1]!]);
    try {
      rebuildSearchIndex({ ladderDb: other });
      clearSearchIndexCache();
      // the other database's index, copied beside ours: same content_version, other rows
      fs.rmSync(dir, { recursive: true, force: true });
      fs.cpSync(resolveIndexDir(other.path), dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'manifest.json'), fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8').replace(/"contentVersion": "\d+"/, '"contentVersion": "2"'));
      expect(hits('quokka')).toHaveLength(1);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/built from other content/));
    } finally {
      removeDb(other);
    }
  });

  it('rebuilds a missing index', () => {
    fs.rmSync(dir, { recursive: true, force: true });
    clearSearchIndexCache();
    expect(hits('quokka')).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/missing/));
    expect(fs.existsSync(path.join(dir, 'manifest.json'))).toBe(true);
  });

  it('rebuilds through a read-only connection, as the server has', () => {
    fs.rmSync(dir, { recursive: true, force: true });
    clearSearchIndexCache();
    const readonly = openDatabase({ path: ladderDb.path, readonly: true });
    try {
      expect(searchSegments({ ladderDb: readonly, q: 'quokka' }).total).toBe(1);
      expect(getSearchIndex(readonly).origin).toBe('built');
    } finally {
      readonly.sqlite.close();
      clearSearchIndexCache();
    }
  });

  it('handles an empty archive', () => {
    const empty = makeFixtureDb([]);
    try {
      expect(searchSegments({ ladderDb: empty, q: 'promo' })).toMatchObject({ total: 0, hits: [], groups: [] });
      clearSearchIndexCache();
      expect(getSearchIndex(empty).origin).toBe('disk');
      expect(searchSegments({ ladderDb: empty, q: 'promo', topic: 'pips' }).total).toBe(0);
    } finally {
      removeDb(empty);
    }
  });

  it('ensureSearchIndex reuses a current index and rebuilds when forced', () => {
    clearSearchIndexCache();
    expect(ensureSearchIndex({ ladderDb }).origin).toBe('disk');
    expect(ensureSearchIndex({ ladderDb, force: true }).origin).toBe('built');
    expect(warn).not.toHaveBeenCalled();
  });
});
