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

  it('marks the words that carry a query, not its stopwords, unless they sit inside a quoted phrase', () => {
    const loose = searchSegments({ ladderDb, q: 'get out of a PIP' });
    expect(loose.hits.length).toBeGreaterThan(0);
    expect(loose.hits.some((h) => /<mark>PIPs?<\/mark>/.test(h.snippet))).toBe(true);
    expect(loose.hits.some((h) => /<mark>(?:a|of)<\/mark>/i.test(h.snippet))).toBe(false);
    const phrase = searchSegments({ ladderDb, q: '"get out of a PIP"' });
    expect(phrase.hits.some((h) => /<mark>get out of a PIP<\/mark>/i.test(h.snippet))).toBe(true);
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
