import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LadderDb } from '@/db/client';
import { clearSearchIndexCache, getSearchIndex } from '@/db/search';
import { readIndexDir, readPublishedIdentity, writeIndexDir } from '@/db/search/index-files';
import { SearchEngine, type EngineOptions } from '@/lib/search/engine';
import { filterKey } from '@/lib/search/filters';
import { filtersOf, Heads, headSignature, type HeadTable } from '@/lib/search/heads';
import { buildHeads } from '@/lib/search/heads-build';
import { parseQuery } from '@/lib/search/query';
import type { SegmentStore } from '@/lib/search/store';
import { resolveQuery } from '@/lib/search/terms';
import { DEFAULT_RANK } from '@/lib/search/tiers';
import type { EngineResult, SearchFilters } from '@/lib/search/types';
import { makeFixtureDb, removeDb, type FixtureDoc } from './fixture';

/**
 * Head queries are answered from lists ranked at build. These tests hold
 * every such answer to what ranking the same query live gives, and check that
 * anything the lists do not cover is ranked live.
 */

const VOCAB = ['promo', 'promotion', 'promoted', 'promise', 'pip', 'pips', 'pipeline', 'staff', 'engineer', 'review', 'reviews', 'manager', 'layoff', 'team'];
function docs(): FixtureDoc[] {
  let s = 99;
  const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const said = () => Array.from({ length: 2 + Math.floor(r() * 20) }, () => VOCAB[Math.floor(r() * VOCAB.length)]!).join(' ') + '.';
  const again = said();
  const article: FixtureDoc = { slug: 'a-note', kind: 'article', title: 'A promo note', chapters: [{ title: 'Note', segments: [{ text: said() }] }] };
  return [article, ...Array.from({ length: 12 }, (_, d): FixtureDoc => ({
    slug: `ep-${d}`,
    title: d % 3 === 0 ? 'The promo review' : `Talk ${d}`,
    show: d % 2 === 0 ? 'Ladder Talk' : 'Staff Hour',
    guests: [`Guest ${d % 4}`],
    hosts: ['Hope Host'],
    chapters: [
      { title: d % 4 === 0 ? 'Promotion reviews' : 'Intro', segments: Array.from({ length: 5 }, (_, i) => ({ text: said(), speaker: i % 2 ? 'Hope Host' : `Guest ${d % 4}` })) },
      { title: 'Wrap', segments: [{ text: d % 4 === 1 ? again : said() }] },
    ],
  }))];
}

let ladderDb: LadderDb;
let store: SegmentStore;
let table: HeadTable;
const KEPT = { hitsK: 7, docsK: 3, perGroupK: 2 };
beforeAll(() => {
  ladderDb = makeFixtureDb(docs());
  store = getSearchIndex(ladderDb).engine.store;
  table = buildHeads(store, { minCost: 1, kept: KEPT });
  store.meta.heads = table;
});
afterAll(() => {
  clearSearchIndexCache();
  removeDb(ladderDb);
});

const shown = (x: EngineResult) => JSON.stringify([x.total, x.documents, x.fallback, x.hits, x.groups, x.facets, x.highlight]);
const PAGES: Omit<EngineOptions, 'filters'>[] = [
  { limit: 20, offset: 0 },
  { limit: 3, offset: 2, facets: true },
  { limit: 5, offset: 5, facets: true },
  { limit: 50, offset: 0, facets: true },
  { limit: 2, offset: 0, byDocument: { perGroup: 1 } },
  { limit: 3, offset: 0, facets: true, byDocument: { perGroup: 2 } },
  { limit: 2, offset: 2, byDocument: { perGroup: 2 } },
  { limit: 10, offset: 0, facets: true, byDocument: { perGroup: 4 } },
];

describe('head answers', () => {
  it('are built for words and the prefixes people type', () => {
    const sigs = new Set(table.entries.map((e) => e.sig));
    for (const q of ['promo', 'pro', 'pip', 'staff', 'rev']) expect(sigs.has(headSignature(resolveQuery(parseQuery(q), store))!), q).toBe(true);
    expect(headSignature(resolveQuery(parseQuery('staff review'), store))).toBeNull();
    expect(headSignature(resolveQuery(parseQuery('"staff engineer"'), store))).toBeNull();
  });

  it('are kept unfiltered and under a filter that leaves out under a tenth of the archive, as typed', () => {
    const under = new Set(table.entries.map((e) => e.filter));
    expect([...under].sort()).toEqual(['', 'kind=episode']);
    const h = new Heads(store, table);
    const r = resolveQuery(parseQuery('promo'), store);
    expect(h.answer(r, filterKey({ kind: ' Episode ' })!, { limit: 5, offset: 0 })).not.toBeNull();
    expect(filterKey({ kind: 'episode', show: 'ladder-talk' })).toBeNull();
    expect(filterKey({ topic: 'promotions' })).toBeNull();
  });

  it('are the costliest queries when there are more than the cap', () => {
    const few = buildHeads(store, { minCost: 1, maxHeads: 3, kept: KEPT });
    const sigs = [...new Set(few.entries.map((e) => e.sig))];
    expect(sigs).toHaveLength(3);
    const cost = (q: string) => resolveQuery(parseQuery(q), store).groups[0]!.cost;
    const kept = Math.min(...few.entries.map((e) => cost(e.q)));
    for (const e of table.entries) if (!sigs.includes(e.sig)) expect(cost(e.q)).toBeLessThanOrEqual(kept);
  });

  it('give exactly what live ranking gives, on every page shape', () => {
    const heads = new SearchEngine(store);
    const live = new SearchEngine(store, DEFAULT_RANK, false);
    expect(heads.headCount).toBe(table.entries.length);
    for (const e of table.entries) {
      for (const page of PAGES) {
        const o = { ...page, filters: filtersOf(e.filter) };
        expect(shown(heads.search(parseQuery(e.q), o)), `${e.q} ${JSON.stringify(o)}`).toBe(shown(live.search(parseQuery(e.q), o)));
      }
    }
  });

  it('leave filters and pages beyond the kept lists to live ranking', () => {
    const h = new Heads(store, table);
    const big = table.entries.find((e) => e.total > KEPT.hitsK && e.documents > KEPT.docsK)!;
    expect(big, 'a head with more matches than kept').toBeDefined();
    const r = resolveQuery(parseQuery(big.q), store);
    expect(h.answer(r, '', { limit: 5, offset: 0 })).not.toBeNull();
    expect(h.answer(r, '', { limit: 1, offset: KEPT.hitsK - 1 })).not.toBeNull();
    expect(h.answer(r, '', { limit: 1, offset: KEPT.hitsK })).toBeNull();
    expect(h.answer(r, '', { limit: 1, offset: KEPT.docsK - 1, byDocument: { perGroup: KEPT.perGroupK } })).not.toBeNull();
    expect(h.answer(r, '', { limit: 1, offset: KEPT.docsK, byDocument: { perGroup: 1 } })).toBeNull();
    expect(h.answer(r, '', { limit: 2, offset: 2, byDocument: { perGroup: 3 } })).toBeNull();
    expect(h.answer(r, '', { limit: 2, offset: 2, byDocument: { perGroup: 1 } })).toBeNull();
    const heads = new SearchEngine(store);
    const live = new SearchEngine(store, DEFAULT_RANK, false);
    const f: SearchFilters = { show: 'ladder-talk' };
    expect(shown(heads.search(parseQuery(big.q), { filters: f, limit: 5, offset: 0 }))).toBe(shown(live.search(parseQuery(big.q), { filters: f, limit: 5, offset: 0 })));
  });

  it('are dropped when they no longer match the ranking', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const tampered: HeadTable = { ...table, entries: table.entries.map((e) => ({ ...e, total: e.total + 1 })) };
      store.meta.heads = tampered;
      expect(new SearchEngine(store).headCount).toBe(0);
      store.meta.heads = table;
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('precomputed answers differ'));
      expect(new SearchEngine(store, { ...DEFAULT_RANK, b: 0.75 }).headCount).toBe(0);
    } finally {
      store.meta.heads = table;
      warn.mockRestore();
    }
  });
});

describe('head answers on disk', () => {
  it('are written with the index and served by the engine that loads it', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-heads-')), 'index');
    try {
      writeIndexDir(dir, { store }, 'v1', 'archive');
      const loaded = new SearchEngine(readIndexDir(dir).store);
      expect(loaded.headCount).toBe(table.entries.length);
      const live = new SearchEngine(store, DEFAULT_RANK, false);
      for (const e of table.entries.slice(0, 10)) expect(shown(loaded.search(parseQuery(e.q), PAGES[1]!)), e.q).toBe(shown(live.search(parseQuery(e.q), PAGES[1]!)));
      // their own file, read a few entries at a time, not a part of the store's JSON read in one go
      const version = fs.realpathSync(dir);
      expect(fs.readFileSync(path.join(version, 'store.json'), 'utf8')).not.toContain('"entries"');
      fs.appendFileSync(path.join(version, 'heads.jsonl'), ' ');
      expect(readPublishedIdentity(dir)).toBeNull();
      expect(() => readIndexDir(dir)).toThrow(/heads\.jsonl has the wrong size/);
    } finally {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});

describe('a filter every passage passes', () => {
  it('ranks as no filter, and still browses on its own', () => {
    const episodes = makeFixtureDb(docs().filter((d) => d.kind !== 'article'));
    try {
      const s = getSearchIndex(episodes).engine.store;
      const engine = new SearchEngine(s, DEFAULT_RANK, false);
      for (const q of ['promo', 'staff review', 'pip']) {
        expect(shown(engine.search(parseQuery(q), { filters: { kind: 'episode' }, limit: 10, offset: 0, facets: true }))).toBe(shown(engine.search(parseQuery(q), { limit: 10, offset: 0, facets: true })));
      }
      expect(engine.search(parseQuery(''), { filters: { kind: 'episode' }, limit: 5, offset: 0 }).total).toBe(s.n);
    } finally {
      removeDb(episodes);
    }
  });
});
