import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LadderDb } from '@/db/client';
import { clearSearchIndexCache, getSearchIndex, searchEpisodeGroups, searchSegments, type SearchResponse } from '@/db/search';
import { parseQuery as parse } from '@/lib/search/query';
import { SearchEngine } from '@/lib/search/engine';
import { ROLE } from '@/lib/search/store';
import { DEFAULT_RANK, type Tier } from '@/lib/search/tiers';
import type { SearchFilters } from '@/lib/search/types';
import { makeFixtureDb, removeDb, type FixtureDoc } from './fixture';

/** Small documents, each pair built so that only the tier under test can order it (see each test). */
const AD = 'This episode is brought to you by Acme Cloud, the fastest way to ship your side project to production today.';
const DOCS: FixtureDoc[] = [
  {
    slug: 'exact-vs-prefix',
    title: 'Plans and pipelines',
    guests: ['Gia Guest'],
    segments: [
      // the pipeline passage says its word twice in a shorter text: it wins on BM25 alone
      { text: 'Our data pipeline broke, and the pipeline team rebuilt it.' },
      { text: 'My manager put me on a PIP after the reorganisation last spring, and I stayed.' },
    ],
  },
  {
    slug: 'adjacent-vs-scattered',
    title: 'Bars',
    segments: [
      // "hiring" and "bar" apart each time (stopwords do not count as distance), and more of both
      { text: 'The hiring freeze came first; the bar downtown kept hiring cooks, and the bar was busy all week.' },
      { text: 'Raising the hiring bar slowed every team down for a whole year.' },
    ],
  },
  {
    slug: 'more-words',
    title: 'Packets',
    segments: [
      { text: 'A quokka, a quokka, and another quokka wandered past the office window again.' },
      { text: 'The quokka sat on my promo packet while I tried to write the packet.' },
    ],
  },
  {
    slug: 'roles',
    title: 'Layoffs',
    hosts: ['Hal Host'],
    guests: ['Gwen Guest'],
    segments: [
      { start: 0, text: 'Welcome back to the show, everyone.' },
      // six words each (stopwords aside), each query word once, in the same places: equal BM25 and tiers, only the speaker differs
      { speaker: 'Hal Host', start: 10, text: 'After that layoff, how did the week get harder for your team?' },
      { speaker: 'Gwen Guest', start: 20, text: 'After that layoff, my week got harder for my team.' },
    ],
  },
  { slug: 'ad-one', title: 'Show one', segments: [{ text: AD }, { text: 'We talked about zebras and side quests.' }] },
  { slug: 'ad-two', title: 'Show two', segments: [{ text: 'Another show about zebras.' }, { text: AD }] },
];

let ladderDb: LadderDb;
beforeAll(() => {
  ladderDb = makeFixtureDb(DOCS);
});
afterAll(() => {
  clearSearchIndexCache();
  removeDb(ladderDb);
});

function search(q: string, filters: SearchFilters = {}): SearchResponse {
  return searchSegments({ ladderDb, q, ...filters, limit: 50 });
}
const texts = (r: SearchResponse) => r.hits.map((h) => h.snippet.replace(/<\/?mark>/g, ''));

describe('ranking tiers', () => {
  it('puts a whole word before a word it only starts, even against a better text score', () => {
    const r = search('pip');
    expect(texts(r)[0]).toMatch(/^My manager put me on a PIP/);
    expect(texts(r)[1]).toMatch(/pipeline/);
  });

  it('puts the words adjacent and in order before the same words scattered', () => {
    const r = search('hiring bar');
    expect(texts(r)).toHaveLength(2);
    expect(texts(r)[0]).toMatch(/^Raising the hiring bar/);
  });

  it('puts more of the query words before fewer in a partial match', () => {
    const r = search('quokka promo packet zebra');
    expect(r.fallback).toBe(true);
    expect(texts(r)[0]).toMatch(/^The quokka sat on my promo packet/);
    expect(texts(r)[1]).toMatch(/^A quokka, a quokka/);
  });

  it("puts a guest's answer before a host's question when all else ties", () => {
    const { engine } = requireIndex();
    const r = engine.search(parse('layoff team week'), { limit: 10, offset: 0 });
    expect(r.hits).toHaveLength(2);
    const [first, second] = r.hits;
    expect(first!.score).toBeCloseTo(second!.score, 5);
    expect(first!.tiers.role).toBe(ROLE.guest);
    expect(second!.tiers.role).toBe(ROLE.host);
    expect(search('layoff team week').hits.map((h) => h.role)).toEqual(['guest', 'host']);
  });

  it('folds the same text in two places into one hit, counted once', () => {
    const r = search('acme cloud');
    expect(r.total).toBe(1);
    expect(r.hits).toHaveLength(1);
    expect(r.hits[0]!.documentSlug).toBe('ad-one');
    expect(r.hits[0]!.duplicates).toEqual([expect.objectContaining({ documentSlug: 'ad-two' })]);
  });
});

describe('counts, pages and roles', () => {
  it('counts passages and the documents they are in', () => {
    const r = search('zebras');
    expect(r.total).toBe(2);
    expect(r.documents).toBe(2);
    expect(r.paging).toEqual({ by: 'passage', offset: 0, limit: 50 });
  });

  it('pages by document: each once, the same order whatever the page', () => {
    const all = searchEpisodeGroups({ ladderDb, q: 'the', perPage: 50 }).groups.map((g) => g.documentSlug);
    const paged = [1, 2, 3, 4, 5, 6, 7].flatMap((page) => searchEpisodeGroups({ ladderDb, q: 'the', perPage: 1, page }).groups.map((g) => g.documentSlug));
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toEqual(all);
  });

  it('filters by who said it', () => {
    expect(search('layoff', { role: 'guest' }).hits.map((h) => h.speaker)).toEqual(['Gwen Guest']);
    expect(search('layoff', { role: 'host' }).hits.map((h) => h.speaker)).toEqual(['Hal Host']);
    expect(search('layoff').facets.role).toEqual([
      { value: 'guest', label: 'Guests', count: 1 },
      { value: 'host', label: 'Hosts', count: 1 },
    ]);
  });
});

function requireIndex() {
  return getSearchIndex(ladderDb);
}

/**
 * The first hit's text with one tier taken out of the ranking: proves the pair
 * above is ordered by that tier (words matched is left out: a passage with more
 * query words also has more whole words and more BM25, so no pair separates it).
 */
function firstWithout(tier: Tier, q: string): string {
  const { store } = requireIndex().engine;
  const engine = new SearchEngine(store, { ...DEFAULT_RANK, order: DEFAULT_RANK.order.filter((t) => t !== tier) });
  const hit = engine.search(parse(q), { limit: 1, offset: 0 }).hits[0]!;
  return [...store.tokensOf(hit.pos)].map((id) => store.vocab.words[id]).join(' ');
}

describe('each pair is ordered by its tier alone', () => {
  it.each([
    ['whole', 'pip', /pipeline/],
    ['proximity', 'hiring bar', /^the hiring freeze/],
    ['role', 'layoff team week', /how did the week/],
  ] as [Tier, string, RegExp][])('without the %s tier, "%s" comes out the other way', (tier, q, first) => {
    expect(firstWithout(tier, q)).toMatch(first);
  });
});
