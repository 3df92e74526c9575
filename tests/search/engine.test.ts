import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LadderDb } from '@/db/client';
import { clearSearchIndexCache, searchSegments, type SearchResponse } from '@/db/search';
import type { SearchFilters } from '@/lib/search/types';
import { ARCHIVE } from './archive';
import { makeFixtureDb, removeDb } from './fixture';

let ladderDb: LadderDb;

beforeAll(() => {
  ladderDb = makeFixtureDb(ARCHIVE);
});
afterAll(() => {
  clearSearchIndexCache();
  removeDb(ladderDb);
});

function search(q: string, filters: SearchFilters = {}, limit = 50): SearchResponse {
  return searchSegments({ ladderDb, q, ...filters, limit });
}
/** hits as "slug@seconds" (or "slug#seg-N" when untimed), in rank order */
function where(r: SearchResponse): string[] {
  return r.hits.map((h) => (h.startSeconds === null ? h.url.replace('/episodes/', '') : `${h.documentSlug}@${h.startSeconds}`));
}
const plain = (html: string) => html.replace(/<\/?mark>/g, '').toLowerCase();

describe('query language', () => {
  it('ANDs words: every hit has all of them', () => {
    const r = search('promo packet');
    expect(r.fallback).toBe(false);
    expect(where(r).sort()).toEqual(['climbing-at-meta@400', 'climbing-at-meta@430', 'offers-at-amazon@50']);
  });

  it('matches each word as a prefix', () => {
    const r = search('promo');
    expect(where(r)).toEqual(expect.arrayContaining(['climbing-at-meta@10', 'climbing-at-meta@30', 'offers-at-amazon@5']));
    expect(r.hits.find((h) => h.startSeconds === 30)?.snippet).toContain('<mark>promotion</mark>');
  });

  it('finds misspelled words', () => {
    expect(where(search('tokenmaxing'))).toEqual(['climbing-at-meta@300']);
    expect(where(search('promotoin'))).toEqual(expect.arrayContaining(['climbing-at-meta@30', 'offers-at-amazon@5']));
    expect(search('promotoin').hits[0]?.snippet).toMatch(/<mark>promotion/);
  });

  it('does not fold a real word into another ("good" is not "god")', () => {
    const r = search('good');
    expect(r.hits.map((h) => plain(h.snippet))).toEqual(['good managers explain the promotion process early.']);
  });

  it('keeps quoted phrases in order', () => {
    expect(where(search('"staff promo"'))).toEqual(['climbing-at-meta@400']);
    // the same words apart or reversed are not the phrase
    const r = search('"promo staff"');
    expect(r.hits.every((h) => !plain(h.snippet).includes('promo staff'))).toBe(true);
  });

  it('matches a phrase across punctuation and stopwords', () => {
    // in the text of one segment, and in the title of the chapter the other one opens
    expect(where(search('"out of a PIP"')).sort()).toEqual(['climbing-at-meta@100', 'climbing-at-meta@130']);
    expect(search('"out of a PIP"').hits.find((h) => h.startSeconds === 130)?.snippet).toContain('<mark>out of a PIP</mark>');
  });

  it('excludes -words', () => {
    const r = search('promo -packet');
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits.every((h) => !plain(h.snippet).includes('packet'))).toBe(true);
    expect(where(r)).not.toContain('climbing-at-meta@400');
  });

  it('falls back to partial matches when the AND finds nothing, and says so', () => {
    const r = search('promotion zebra');
    expect(r.fallback).toBe(true);
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits.every((h) => plain(h.snippet).includes('promotion'))).toBe(true);
    expect(search('promotion').fallback).toBe(false);
    expect(search('zebra').total).toBe(0);
  });

  it('ranks partial matches by how many words they have', () => {
    const r = search('promo packet zebra');
    expect(r.fallback).toBe(true);
    const both = r.hits.findIndex((h) => !/packet/.test(plain(h.snippet)));
    const first = r.hits.slice(0, both);
    expect(first.length).toBe(3);
    expect(first.every((h) => /promo/.test(plain(h.snippet)) && /packet/.test(plain(h.snippet)))).toBe(true);
  });

  it('returns nothing for an empty query without filters', () => {
    expect(search('').total).toBe(0);
    expect(search('   ').hits).toEqual([]);
  });
});

describe('filters', () => {
  it('by topic', () => {
    const r = search('pip', { topic: 'pips' });
    expect(where(r).sort()).toEqual(['climbing-at-meta@100', 'climbing-at-meta@130']);
  });

  it('by guest, show, speaker and kind (slugs or names)', () => {
    expect(new Set(search('promotion', { guest: 'sam-lee' }).hits.map((h) => h.documentSlug))).toEqual(new Set(['offers-at-amazon']));
    expect(new Set(search('promotion', { guest: 'Sam Lee' }).hits.map((h) => h.documentSlug))).toEqual(new Set(['offers-at-amazon']));
    expect(new Set(search('promo', { show: 'the-ladder-pod' }).hits.map((h) => h.documentSlug))).toEqual(new Set(['climbing-at-meta']));
    expect(search('promo', { speaker: 'ryan-peterman' }).hits.every((h) => h.speaker === 'Ryan Peterman')).toBe(true);
    expect(where(search('layoff', { kind: 'brief' }))).toEqual(expect.arrayContaining(['layoffs-brief#seg-0', 'layoffs-brief#seg-2']));
    expect(search('promo', { kind: 'article' }).total).toBe(0);
  });

  it('combines filters, and an unknown value matches nothing', () => {
    expect(search('promo', { show: 'the-ladder-pod', speaker: 'dana-ortiz' }).hits.every((h) => h.speaker === 'Dana Ortiz')).toBe(true);
    expect(search('promo', { topic: 'no-such-topic' }).total).toBe(0);
  });

  it('browses a filter without words, most on-topic first', () => {
    const r = search('', { topic: 'pips' });
    expect(r.total).toBe(2);
    expect(where(r)).toEqual(['climbing-at-meta@130', 'climbing-at-meta@100']);
  });

  it('counts facets over all matches', () => {
    const r = search('promo');
    expect(r.facets.kind).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'episode' }), expect.objectContaining({ value: 'brief' })]));
    const total = r.facets.kind.reduce((s, k) => s + k.count, 0);
    expect(total).toBe(r.total);
    expect(r.facets.guest.find((g) => g.value === 'sam-lee')).toMatchObject({ label: 'Sam Lee', count: 2 });
  });
});

describe('ranking', () => {
  it('puts a chapter-title match before a stray word in a long segment', () => {
    const order = where(search('pip'));
    expect(order.indexOf('climbing-at-meta@100')).toBeLessThan(order.indexOf('climbing-at-meta@200'));
  });

  it('puts a topic-tagged segment before a stray word in a long segment', () => {
    const order = where(search('pip'));
    expect(order.indexOf('climbing-at-meta@130')).toBeLessThan(order.indexOf('climbing-at-meta@200'));
    expect(order.at(-1)).toBe('climbing-at-meta@200');
  });

  it('puts a dense mention before a passing one', () => {
    const order = where(search('promotion'));
    expect(order[0]).toBe('offers-at-amazon@5');
  });
});

describe('results', () => {
  it('links timed hits to their second and untimed ones to their segment', () => {
    const r = search('tokenmaxxing');
    expect(r.hits[0]).toMatchObject({ url: '/episodes/climbing-at-meta?t=300', startSeconds: 300, estimated: false, chapterTitle: 'Long tangent', speaker: 'Ryan Peterman', kind: 'episode' });
    expect(search('severance').hits[0]).toMatchObject({ url: '/episodes/layoffs-brief#seg-1', startSeconds: null, kind: 'brief', speaker: null });
  });

  it('escapes transcript HTML before marking', () => {
    const r = search('script');
    const snippet = r.hits[0]?.snippet ?? '';
    expect(snippet).toContain('&lt;<mark>script</mark>&gt;');
    expect(snippet).not.toMatch(/<script/i);
    expect(snippet).toContain('&amp;');
  });

  it('groups hits by document with counts and positions', () => {
    const r = search('promo');
    const meta = r.groups.find((g) => g.documentSlug === 'climbing-at-meta');
    expect(meta).toMatchObject({ documentTitle: 'Climbing the ladder at Meta' });
    expect(meta?.count).toBe(r.facets.guest.find((g) => g.value === 'dana-ortiz')?.count);
    expect(meta?.positions).toEqual([...(meta?.positions ?? [])].sort((a, b) => a - b));
    expect(meta?.positions).toContain(400);
    expect(r.groups.find((g) => g.documentSlug === 'layoffs-brief')?.positions).toEqual([]);
  });

  it('pages with limit and offset', () => {
    const all = where(search('promo'));
    const page = searchSegments({ ladderDb, q: 'promo', limit: 2, offset: 1 });
    expect(where(page)).toEqual(all.slice(1, 3));
    expect(page.total).toBe(all.length);
  });
});
