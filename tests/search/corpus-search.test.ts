import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type LadderDb } from '@/db/client';
import { importPaths } from '@/db/import/run-import';
import { clearSearchIndexCache, searchSegments } from '@/db/search';
import { CORPUS_DIR } from '../support/corpus';
import { tempDbPath } from './fixture';

let ladderDb: LadderDb;

beforeAll(async () => {
  const dbPath = tempDbPath();
  await importPaths({ paths: [CORPUS_DIR], dbPath });
  ladderDb = openDatabase({ path: dbPath, readonly: true });
});
afterAll(() => {
  clearSearchIndexCache();
  ladderDb.sqlite.close();
  fs.rmSync(path.dirname(ladderDb.path), { recursive: true, force: true });
});

describe('search on the real corpus', () => {
  it('finds tokenmaxxing in the brief and in the article', () => {
    const r = searchSegments({ ladderDb, q: 'tokenmaxxing' });
    expect(new Set(r.hits.map((h) => h.kind))).toEqual(new Set(['brief', 'article']));
    expect(r.hits.every((h) => h.snippet.includes('<mark>tokenmaxxing</mark>'))).toBe(true);
    // and still finds them misspelled
    expect(searchSegments({ ladderDb, q: 'tokenmaxing' }).total).toBe(r.total);
  });

  it('puts "Can you get out of a PIP?" at 1:08:55 first for PIP within the pips topic', () => {
    const r = searchSegments({ ladderDb, q: 'PIP', topic: 'pips' });
    expect(r.hits[0]).toMatchObject({ chapterTitle: 'Can you get out of a PIP?', startSeconds: 4135 });
    expect(r.hits[0]?.url).toMatch(/\?t=4135$/);
  });

  it('finds the Evan King interview for "staff promo"', () => {
    const evan = ladderDb.sqlite
      .prepare(
        `SELECT d.slug FROM documents d JOIN document_people dp ON dp.document_id = d.id JOIN people p ON p.id = dp.person_id
         WHERE p.slug = 'evan-king' AND dp.role = 'guest'`,
      )
      .get() as { slug: string } | undefined;
    expect(evan).toBeDefined();
    const r = searchSegments({ ladderDb, q: '"staff promo"' });
    expect(r.fallback).toBe(false);
    expect(r.hits[0]?.documentSlug).toBe(evan?.slug);
  });
});
