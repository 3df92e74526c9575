/**
 * The "server" half of the benchmark, run in a fresh process so load time and
 * RSS are what a server would see: load the index from disk, run the query mix
 * on the engine, end to end (with facets, enrichment and snippets) and on FTS5,
 * and check phrase and typo recall. Prints one JSON line.
 */
import fs from 'node:fs';
import { openDatabase } from '@/db/client';
import { getSearchIndex } from '@/db/search/index-store';
import { searchSegments } from '@/db/search/search-segments';
import { parseQuery } from '@/lib/search/query';
import type { Plant } from './corpus';
import { episodeFile } from './files';
import { FtsRunner } from './fts';
import { makeQueries, QUERY_TYPES, type BenchQuery } from './queries';
import { latency, type Latency } from './stats';

export interface ServeReport {
  loadMs: number;
  rssAfterLoad: number;
  heapAfterLoad: number;
  rssAfterQueries: number;
  rows: { type: string; filtered: boolean; engine: Latency; full: Latency; fts: Latency }[];
  all: { engine: Latency; full: Latency; fts: Latency };
  phrase: { planted: number; found: number; inTop10: number; extra: number; ftsFound: number };
  typo: { queries: number; targetInTop10: number };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function main(): void {
  const [dbPath, plantsFile, corpusDir] = process.argv.slice(2);
  if (!dbPath) throw new Error('usage: serve.ts DB [PLANTS.json CORPUS_DIR]');
  const ladderDb = openDatabase({ path: dbPath, readonly: true });
  gc();
  const t0 = performance.now();
  const index = getSearchIndex(ladderDb);
  const loadMs = performance.now() - t0;
  if (index.origin !== 'disk') throw new Error('the index was rebuilt instead of loaded');
  gc();
  const afterLoad = process.memoryUsage();
  const { engine } = index;
  const store = engine.store;

  const queries = makeQueries(store, 1000, 7);
  // warm up on a different draw: JIT and filter caches in the state a running server has them
  for (const w of makeQueries(store, 300, 99)) {
    engine.search(parseQuery(w.q), { filters: w.filters, limit: 20, offset: 0 });
    searchSegments({ ladderDb, q: w.q, ...w.filters, limit: 20 });
  }
  const fts = new FtsRunner(ladderDb.sqlite);
  for (const w of makeQueries(store, 100, 98)) fts.search(w.q, w.filters);

  // Three passes over the whole mix, keeping each query's median: a stray pause from
  // another process on this shared machine does not decide a percentile, and no query
  // is timed twice in a row (its lists are not left warm in the CPU caches for it).
  const timeAll = (fn: (q: BenchQuery) => unknown) => queries.map((q) => {
    const t = performance.now();
    fn(q);
    return performance.now() - t;
  });
  const passes = { engine: [] as number[][], full: [] as number[][], fts: [] as number[][] };
  for (let pass = 0; pass < 3; pass++) {
    passes.engine.push(timeAll((q) => engine.search(parseQuery(q.q), { filters: q.filters, limit: 20, offset: 0 })));
    passes.full.push(timeAll((q) => searchSegments({ ladderDb, q: q.q, ...q.filters, limit: 20 })));
    passes.fts.push(timeAll((q) => fts.search(q.q, q.filters)));
  }
  const median = (runs: number[][]) => queries.map((_, i) => runs.map((r) => r[i]!).sort((a, b) => a - b)[1]!);
  const engineMs = median(passes.engine);
  const fullMs = median(passes.full);
  const ftsMs = median(passes.fts);

  const rows: ServeReport['rows'] = [];
  for (const type of QUERY_TYPES) {
    for (const filtered of [false, true]) {
      const pick = (xs: number[]) => xs.filter((_, i) => queries[i]!.type === type && Object.keys(queries[i]!.filters).length > 0 === filtered);
      rows.push({ type, filtered, engine: latency(pick(engineMs)), full: latency(pick(fullMs)), fts: latency(pick(ftsMs)) });
    }
  }

  // phrase recall: every planted place of every phrase, found and within the top 10 (a real archive has no plants)
  const plants = plantsFile && corpusDir ? (JSON.parse(fs.readFileSync(plantsFile, 'utf8')) as Plant[]) : [];
  const idOf = ladderDb.sqlite.prepare(`SELECT s.id FROM segments s JOIN documents d ON d.id = s.document_id WHERE d.source_path = ? AND s.ordinal = ?`);
  const phrase = { planted: plants.length, found: 0, inTop10: 0, extra: 0, ftsFound: 0 };
  for (const text of new Set(plants.map((p) => p.phrase))) {
    const expected = new Set(
      plants.filter((p) => p.phrase === text).map((p) => (idOf.get(episodeFile(corpusDir!, p.doc), p.ordinal) as { id: number } | undefined)?.id ?? -1),
    );
    const all = engine.search(parseQuery(`"${text}"`), { limit: 1000, offset: 0 });
    const got = all.hits.map((h) => store.a.segmentId[h.pos]!);
    phrase.found += got.filter((id) => expected.has(id)).length;
    phrase.inTop10 += got.slice(0, 10).filter((id) => expected.has(id)).length;
    phrase.extra += got.filter((id) => !expected.has(id)).length;
    phrase.ftsFound += fts.search(`"${text}"`, {}).ids.filter((id) => expected.has(id)).length;
  }

  const typos = queries.filter((q) => q.type === 'typo' && Object.keys(q.filters).length === 0);
  let targetInTop10 = 0;
  for (const q of typos) {
    const target = store.vocab.id(q.target!);
    const res = engine.search(parseQuery(q.q), { limit: 10, offset: 0 });
    if (res.hits.some((h) => store.tokensOf(h.pos).includes(target!))) targetInTop10++;
  }

  const report: ServeReport = {
    loadMs,
    rssAfterLoad: afterLoad.rss,
    heapAfterLoad: afterLoad.heapUsed,
    rssAfterQueries: process.memoryUsage().rss,
    rows,
    all: { engine: latency(engineMs), full: latency(fullMs), fts: latency(ftsMs) },
    phrase,
    typo: { queries: typos.length, targetInTop10 },
  };
  process.stdout.write(JSON.stringify(report) + '\n');
  ladderDb.sqlite.close();
}

main();
