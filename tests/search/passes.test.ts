import { describe, expect, it, vi } from 'vitest';
import { Candidates } from '@/lib/search/candidates';
import { Matcher } from '@/lib/search/match';
import { resolveQuery } from '@/lib/search/terms';
import { topPositions } from '@/lib/search/heap';
import { Together } from '@/lib/search/together';
import type { SegmentStore } from '@/lib/search/store';
import { parseQuery } from '@/lib/search/query';
import { DEFAULT_RANK, defaultKey } from '@/lib/search/tiers';
import type { EngineResult, SearchFilters } from '@/lib/search/types';
import type { FixtureDoc } from './fixture';
import { fixtureEngine } from './fixture-engine';

/**
 * The fx.engine keys, picks the page and counts documents in one pass, unions a
 * word's forms through a bitset and finds a page's document groups by binary
 * search. These tests hold those shortcuts to what the long way gives.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('topPositions', () => {
  it('returns the best k of any list, as a full sort orders them (ties by position)', () => {
    const r = rng(7);
    for (const n of [0, 1, 7, 300]) {
      const key = Float64Array.from({ length: n }, () => Math.floor(r() * 12));
      const list = Int32Array.from({ length: n }, (_, i) => i).sort(() => r() - 0.5);
      const sorted = [...list].sort((a, b) => key[b]! - key[a]! || a - b);
      for (const k of [0, 1, 5, 40, n + 3]) expect([...topPositions(list, k, key)]).toEqual(sorted.slice(0, k));
    }
  });
});

class Admitting extends Candidates {
  add(ps: number[]): void {
    for (const p of ps) this.admit(p);
  }
}

describe('candidates in position order', () => {
  it('sorts any admission order: a long sorted run with a few strays merged in, or a jumble', () => {
    const r = rng(3);
    const n = 5000;
    for (const strays of [0, 1, 5, 60, 2000]) {
      const c = new Admitting({ n } as SegmentStore);
      c.reset();
      const run = Array.from({ length: 2000 }, (_, i) => i * 2 + 7);
      const extra = [...new Set(Array.from({ length: strays }, () => Math.floor(r() * n)))].filter((p) => !run.includes(p));
      c.add([...run, ...extra]);
      expect([...c.sortedCandidates()]).toEqual([...run, ...extra].sort((a, b) => a - b));
    }
  });
});

// a small vocabulary with shared prefixes and forms, said at random lengths, with some texts repeated elsewhere
const WORDS = ['plan', 'plans', 'planning', 'planet', 'plant', 'promo', 'promotion', 'promoted', 'staff', 'engineer', 'engineers', 'review', 'manager', 'team', 'quarter'];
function makeDocs(): FixtureDoc[] {
  const r = rng(42);
  const said = (): string => Array.from({ length: 3 + Math.floor(r() * 25) }, () => WORDS[Math.floor(r() * WORDS.length)]!).join(' ') + '.';
  const repeated = said();
  // one document that is not an episode and holds none of the words: a kind filter then selects all but it
  const article: FixtureDoc = { slug: 'aside', kind: 'article', title: 'Aside', chapters: [{ title: 'Aside', segments: [{ text: 'Nothing of note here.' }] }] };
  return [article, ...Array.from({ length: 14 }, (_, d): FixtureDoc => ({
    slug: `doc-${d}`,
    title: d % 4 === 0 ? 'Planning the promo' : `Episode ${d}`,
    show: d % 2 === 0 ? 'Even Show' : 'Odd Show',
    guests: [`Guest ${d % 3}`],
    hosts: ['Hal Host'],
    chapters: [
      { title: d % 3 === 0 ? 'Staff engineer reviews' : 'Warm up', segments: Array.from({ length: 4 }, (_, i) => ({ text: said(), speaker: i % 2 ? 'Hal Host' : `Guest ${d % 3}` })) },
      { title: 'Later', segments: [{ text: d % 5 === 0 ? repeated : said() }, { text: said() }] },
    ],
  }))];
}

const fx = fixtureEngine(makeDocs);

const QUERIES: [string, SearchFilters][] = [
  ['plan', {}],
  ['pla', {}],
  ['promo', {}],
  ['engineers', {}],
  ['staff eng', {}],
  ['plan review', {}],
  ['"staff engineer"', {}],
  ['plan -planet', {}],
  ['promo', { show: 'even-show' }],
  ['pla', { guest: 'guest-1' }],
  ['team', { role: 'host' }],
];

function run(q: string, filters: SearchFilters, limit: number, offset = 0, facets = false): EngineResult {
  return fx.engine.search(parseQuery(q), { filters, limit, offset, facets });
}

describe('one pass over the matches', () => {
  it('orders every hit by its tiers and score, best first', () => {
    for (const [q, f] of QUERIES) {
      const all = run(q, f, 1000);
      expect(all.hits.length, q).toBe(all.total);
      const keys = all.hits.map((h) => defaultKey(h.tiers.words, h.tiers.typos, h.tiers.proximity, h.tiers.context, h.tiers.whole, h.tiers.substance, h.tiers.role, h.score));
      for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! >= keys[i]!, `${q} at ${i}`).toBe(true);
      expect(new Set(all.hits.map((h) => h.pos)).size).toBe(all.hits.length);
    }
  });

  it('pages through the same order, and counts the documents of every match', () => {
    for (const [q, f] of QUERIES) {
      const all = run(q, f, 1000);
      const paged = [0, 3, 6, 9, 12].flatMap((offset) => run(q, f, 3, offset).hits.map((h) => h.pos));
      expect(paged, q).toEqual(all.hits.slice(0, 15).map((h) => h.pos));
      const docs = new Set(all.hits.map((h) => fx.engine.store.a.doc[h.pos]));
      expect(run(q, f, 3).documents, q).toBe(docs.size);
    }
  });

  it('gives each document of a page its matches and their seconds', () => {
    for (const [q, f] of QUERIES) {
      const all = run(q, f, 1000);
      const page = run(q, f, 4, 2, true);
      for (const g of page.groups) {
        const mine = all.hits.filter((h) => fx.engine.store.a.doc[h.pos] === g.doc);
        expect(g.count, q).toBe(mine.length);
        const seconds = mine.map((h) => fx.engine.store.a.start[h.pos]!).filter((t) => t >= 0).sort((a, b) => a - b);
        expect(g.positions, q).toEqual(seconds);
      }
    }
  });

  it('scores a word and its forms as the filtered path does, which credits them one posting at a time', () => {
    // the filter selects every document but the one that holds none of the words, and takes the general path
    // (this caught the fast path counting a word by its form in the text when a title held a better one)
    for (const [q] of QUERIES.filter(([, f]) => Object.keys(f).length === 0)) {
      const fast = run(q, {}, 1000);
      const general = run(q, { kind: 'episode' }, 1000);
      expect(general.total, q).toBe(fast.total);
      expect(general.hits.map((h) => [h.pos, h.tiers]), q).toEqual(fast.hits.map((h) => [h.pos, h.tiers]));
      // the same sum, added up in another order (a title's weight before or after the text's): equal but for float rounding
      general.hits.forEach((h, i) => expect(h.score, q).toBeCloseTo(fast.hits[i]!.score, 6));
    }
  });
});

describe("a first word's forms", () => {
  it('unite to the same candidates, scores and counts whether new positions are noted or read back off the bitset', () => {
    const store = fx.engine.store;
    // one matcher for every query, as the fx.engine keeps one: what a search leaves behind must not reach the next
    const noting = new Matcher(store, store.lengthNorm(DEFAULT_RANK.b));
    noting.sparseBelow = Infinity;
    const unite = (q: string, sparseBelow: number) => {
      const m = sparseBelow === Infinity ? noting : new Matcher(store, store.lengthNorm(DEFAULT_RANK.b));
      m.sparseBelow = sparseBelow;
      m.reset();
      m.collect(resolveQuery(parseQuery(q), store).groups[0]!, null);
      return [...m.candidates()].map((p) => [p, m.score[p], m.counts[p]]);
    };
    for (const q of ['pla', 'plan', 'promo', 'engineer', 'staff', 'quarter', 'pla']) {
      const noted = unite(q, Infinity);
      expect(noted.length, q).toBeGreaterThan(0);
      expect(noted, q).toEqual(unite(q, 0));
    }
  });
});

describe('an AND met on bits first', () => {
  it('finds, scores and ranks what the word-by-word AND does, titles and names included', () => {
    const met = vi.spyOn(Together.prototype, 'of');
    // [query, filters, whether the AND goes through the bits: two words to scan, no filter and no phrase to start from]
    const queries: [string, SearchFilters, boolean][] = [
      ['plan review', {}, true],
      ['staff eng', {}, true],
      ['pla promo team', {}, true],
      ['hal plan', {}, true],
      ['guest promo', {}, true],
      ['engineer review -quarter', {}, true],
      ['"staff engineer" team', {}, false],
      ['planet zebra', {}, false],
      ['plan review', { show: 'even-show' }, false],
    ];
    const shown = (r: EngineResult) => [r.total, r.documents, r.fallback, r.hits.map((h) => [h.pos, h.score, h.tiers])];
    try {
      for (const [q, f, viaBits] of queries) {
        fx.engine.togetherFrom = Infinity;
        const wordByWord = run(q, f, 1000);
        const before = met.mock.calls.length;
        fx.engine.togetherFrom = 0;
        const together = run(q, f, 1000);
        expect(shown(together), q).toEqual(shown(wordByWord));
        expect(met.mock.calls.length > before, q).toBe(viaBits);
      }
    } finally {
      fx.engine.togetherFrom = 2048;
      met.mockRestore();
    }
  });
});
