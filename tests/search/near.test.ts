import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LadderDb } from '@/db/client';
import { clearSearchIndexCache, getSearchIndex } from '@/db/search';
import { SearchEngine } from '@/lib/search/engine';
import { nearHash, PhraseNeighbours } from '@/lib/search/near';
import { parseQuery } from '@/lib/search/query';
import { SegmentStore } from '@/lib/search/store';
import { resolveQuery } from '@/lib/search/terms';
import { DEFAULT_RANK } from '@/lib/search/tiers';
import type { EngineResult } from '@/lib/search/types';
import { makeFixtureDb, removeDb, type FixtureDoc } from './fixture';

/**
 * A phrase is first checked on its rarest word's postings, by the tokens
 * beside each occurrence (postNear), and only the segments that pass (and
 * those whose title or name holds the phrase) are read. These tests hold that
 * to reading every segment, as an index without neighbours does.
 */

const WORDS = ['get', 'the', 'promo', 'packet', 'that', 's', 'not', 'staff', 'bar', 'we', 're', 'hiring', 'of', 'review'];
function docs(): FixtureDoc[] {
  let seed = 5;
  const r = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const said = () => Array.from({ length: 3 + Math.floor(r() * 30) }, () => WORDS[Math.floor(r() * WORDS.length)]!).join(' ') + '.';
  return Array.from({ length: 10 }, (_, d) => ({
    slug: `show-${d}`,
    title: d === 3 ? 'Get the promo packet' : `Show ${d}`,
    guests: [d === 4 ? 'Staff Bar' : `Guest ${d}`],
    hosts: ['Hank Host'],
    chapters: [
      { title: d === 5 ? "That's not the bar" : 'Start', segments: Array.from({ length: 6 }, (_, i) => ({ text: said(), speaker: i % 2 ? 'Hank Host' : d === 4 ? 'Staff Bar' : `Guest ${d}` })) },
      { title: 'End', segments: [{ text: "We're hiring: get the promo packet, that's not the review." }] },
    ],
  }));
}

const PHRASES = ['"get the"', '"the promo packet"', '"that s not"', '"we re hiring"', '"staff bar"', '"promo packet"', '"of the"', '"not the bar"', '"get the promo"', '"review of"', '"hiring get"', '"the pro"', '"packet"'];

let ladderDb: LadderDb;
let store: SegmentStore;
beforeAll(() => {
  ladderDb = makeFixtureDb(docs());
  store = getSearchIndex(ladderDb).engine.store;
});
afterAll(() => {
  clearSearchIndexCache();
  removeDb(ladderDb);
});

const shown = (x: EngineResult) => JSON.stringify([x.total, x.documents, x.fallback, x.hits, x.groups, x.facets]);

describe('phrase neighbours', () => {
  it('record the tokens on either side of each occurrence, stopwords included', () => {
    const { a, vocab } = store;
    const get = vocab.id('get')!;
    const the = vocab.id('the')!;
    let occurrences = 0;
    for (let k = a.postStart[get]!; k < a.postStart[get + 1]!; k++) {
      const p = a.postSeg[k]!;
      const toks = [...a.tokens.subarray(a.tokOffsets[p]!, a.tokOffsets[p + 1]!)];
      const at = toks.flatMap((t, i) => (t === get ? [i] : []));
      at.forEach((i, j) => {
        const v = a.postNear[a.postPosStart[k]! + j]!;
        expect(v & 255).toBe(nearHash(i + 1 < toks.length ? toks[i + 1]! : 0xffffffff));
        expect(v >>> 8).toBe(nearHash(i > 0 ? toks[i - 1]! : 0xffffffff));
        if (toks[i + 1] === the) occurrences++;
      });
    }
    expect(occurrences).toBeGreaterThan(5);
  });

  it('find exactly what reading every segment finds, titles and names included', () => {
    const blind = new SegmentStore(store.meta, { ...store.a, postNear: new Uint16Array(0) });
    const withNear = new SearchEngine(store, DEFAULT_RANK, false);
    const without = new SearchEngine(blind, DEFAULT_RANK, false);
    let found = 0;
    for (const q of PHRASES) {
      for (const filters of [{}, { guest: 'staff-bar' }, { role: 'host' }]) {
        for (const page of [{ limit: 20, offset: 0, facets: true }, { limit: 3, offset: 0, byDocument: { perGroup: 2 } }]) {
          const a = withNear.search(parseQuery(q), { ...page, filters });
          expect(shown(a), `${q} ${JSON.stringify(filters)}`).toBe(shown(without.search(parseQuery(q), { ...page, filters })));
          found += a.total;
        }
      }
    }
    expect(found).toBeGreaterThan(50);
  });

  it('start a phrase from far fewer segments than its word is in, keeping those whose title or name holds it', () => {
    const check = (q: string) => {
      const ph = resolveQuery(parseQuery(q), store).phrases[0]!;
      const near = PhraseNeighbours.of(store, ph)!;
      const bits = new Uint32Array((store.n + 31) >>> 5);
      return { near, count: near.fill(bits, null), bits };
    };
    const get = check('"get the"');
    expect(get.count).toBeLessThan(get.near.size);
    // the title "Get the promo packet" opens show-3: its first segment holds the phrase without saying it
    const titled = check('"promo packet"');
    const first = store.docFirst[store.meta.docs.findIndex((d, i) => store.docFirst[i]! >= 0 && [...d.title].map((id) => store.vocab.words[id]).join(' ') === 'get the promo packet')]!;
    expect((titled.bits[first >>> 5]! >>> (first & 31)) & 1).toBe(1);
  });
});
