/**
 * `npm run bench`: the search benchmark (not run in CI). For 100 and 1,000
 * synthetic episodes: generate the files, import them with the real importer,
 * build and write the index, then measure a fresh server-like process (load
 * time, RSS, latency over 1,000 queries, the same queries on FTS5, phrase and
 * typo recall). Everything lives in a temporary folder removed at the end.
 * BENCH_SIZES=100 runs one size; BENCH_KEEP=1 keeps the folder to look into.
 * Further sections (the real archive, generated chapters, …) are listed in
 * scripts/bench/sections.ts; BENCH_ONLY=name,name picks some of them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { resolveIndexDir } from '@/db/config';
import { importPaths } from '@/db/import/run-import';
import { writeIndexDir } from '@/db/search/index-files';
import { buildFromDb } from '@/db/search/index-store';
import { readArchiveId } from '@/db/search/records';
import { writeCorpus } from './bench/files';
import type { ServeReport } from './bench/serve';
import { benchSections, wanted } from './bench/sections';
import { buildFtsTable } from './bench/fts';
import { mb, ms, table } from './bench/stats';

const SEED = 20251122;
const SIZES = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number);

interface SizeReport {
  episodes: number;
  segments: number;
  generateMs: number;
  importMs: number;
  ftsMs: number;
  buildMs: number;
  /** the same, in CPU time: on a shared machine wall time also counts other processes' turns */
  buildCpuMs: number;
  writeMs: number;
  indexBytes: number;
  serve: ServeReport;
}

async function benchSize(root: string, episodes: number): Promise<SizeReport> {
  const dir = path.join(root, String(episodes));
  const corpus = path.join(dir, 'corpus');
  const dbPath = path.join(dir, 'ladder.db');
  let t = performance.now();
  const { plants, taxonomyPath } = writeCorpus(corpus, episodes, SEED);
  const generateMs = performance.now() - t;
  log(`${episodes}: files written in ${(generateMs / 1000).toFixed(1)} s; importing…`);

  t = performance.now();
  const report = await importPaths({ paths: [corpus], dbPath, taxonomyPath, rebuildIndex: false });
  const importMs = performance.now() - t;
  if (report.failed.length > 0) throw new Error(`import failed: ${JSON.stringify(report.failed.slice(0, 3))}`);
  log(`${episodes}: imported ${report.totals.segments} segments in ${(importMs / 1000).toFixed(1)} s; indexing…`);

  const ladderDb = openDatabase({ path: dbPath });
  t = performance.now();
  buildFtsTable(ladderDb.sqlite);
  const ftsMs = performance.now() - t;
  t = performance.now();
  const cpu0 = process.cpuUsage();
  const { built, contentVersion } = buildFromDb(ladderDb);
  const buildMs = performance.now() - t;
  const cpu1 = process.cpuUsage(cpu0);
  const buildCpuMs = (cpu1.user + cpu1.system) / 1000;
  t = performance.now();
  const { bytes } = writeIndexDir(resolveIndexDir(dbPath), built, contentVersion, readArchiveId(ladderDb));
  const writeMs = performance.now() - t;
  ladderDb.sqlite.close();
  const plantsFile = path.join(dir, 'plants.json');
  fs.writeFileSync(plantsFile, JSON.stringify(plants));
  log(`${episodes}: index built in ${(buildMs / 1000).toFixed(1)} s, written in ${(writeMs / 1000).toFixed(1)} s; querying…`);

  // a fresh process, as a server would start: nothing of the build left in its heap
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const child = spawnSync(tsx, ['--expose-gc', '--max-old-space-size=4096', path.join(__dirname, 'bench', 'serve.ts'), dbPath, plantsFile, corpus], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`serve step failed:\n${child.stderr}`);
  const serve = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ServeReport;
  return { episodes, segments: report.totals.segments, generateMs, importMs, ftsMs, buildMs, buildCpuMs, writeMs, indexBytes: bytes, serve };
}

function print(r: SizeReport): void {
  const s = r.serve;
  const lines = [
    `\n== ${r.episodes.toLocaleString('en')} episodes: ${r.segments.toLocaleString('en')} segments ==`,
    `import (real importer, files → SQLite)        ${(r.importMs / 1000).toFixed(1)} s`,
    `FTS5 table for the baseline (rebuild)         ${(r.ftsMs / 1000).toFixed(1)} s`,
    `index build (from SQLite)                     ${(r.buildMs / 1000).toFixed(1)} s wall, ${(r.buildCpuMs / 1000).toFixed(1)} s CPU  (+ ${(r.writeMs / 1000).toFixed(1)} s to write)`,
    `index on disk                                 ${mb(r.indexBytes)}`,
    `index load (fresh process)                    ${(s.loadMs / 1000).toFixed(2)} s`,
    `process RSS after load / after the queries    ${mb(s.rssAfterLoad)} / ${mb(s.rssAfterQueries)}  (JS heap ${mb(s.heapAfterLoad)})`,
    '',
    'latency in ms, p50 / p95 / p99 over the 1,000 queries (each the median of 3 passes)',
    '  engine = ranked top 20 + total;  full = searchSegments: + facets, groups, one SQLite read, snippets;  fts5 = bm25 top 20 + count',
  ];
  const rows = s.rows.map((row) => [
    row.type,
    row.filtered ? 'yes' : 'no',
    String(row.engine.n),
    `${ms(row.engine.p50)} / ${ms(row.engine.p95)} / ${ms(row.engine.p99)}`,
    `${ms(row.full.p50)} / ${ms(row.full.p95)} / ${ms(row.full.p99)}`,
    `${ms(row.fts.p50)} / ${ms(row.fts.p95)} / ${ms(row.fts.p99)}`,
    `${(row.fts.p95 / Math.max(row.engine.p95, 0.001)).toFixed(1)}×`,
  ]);
  const all = s.all;
  rows.push(['all', '', String(all.engine.n), `${ms(all.engine.p50)} / ${ms(all.engine.p95)} / ${ms(all.engine.p99)}`, `${ms(all.full.p50)} / ${ms(all.full.p95)} / ${ms(all.full.p99)}`, `${ms(all.fts.p50)} / ${ms(all.fts.p95)} / ${ms(all.fts.p99)}`, `${(all.fts.p95 / Math.max(all.engine.p95, 0.001)).toFixed(1)}×`]);
  lines.push(table(['type', 'filter', 'n', 'engine', 'full', 'fts5', 'fts5/engine p95'], rows));
  const p = s.phrase;
  lines.push(
    '',
    `planted phrases: ${p.found}/${p.planted} places found, ${p.inTop10}/${p.planted} in their top 10, ${p.extra} other segments returned (decoys hold the same words in another order); FTS5 ${p.ftsFound}/${p.planted}`,
    `misspellings: target word in the top 10 for ${s.typo.targetInTop10}/${s.typo.queries} (FTS5 has no typo tolerance: 0)`,
  );
  console.log(lines.join('\n'));
}

function verdict(r: SizeReport): void {
  const s = r.serve;
  const checks: [string, boolean][] = [
    ['p95 ≤ 2 ms for every query type (engine)', s.rows.every((x) => x.engine.p95 <= 2)],
    ['p99 ≤ 10 ms for every query type (engine)', s.rows.every((x) => x.engine.p99 <= 10)],
    ['≥ 5× faster than FTS5 at p95, every type but typos (FTS5 finds nothing there)', s.rows.every((x) => x.type === 'typo' || x.fts.p95 >= 5 * x.engine.p95)],
    ['index load ≤ 2 s', s.loadMs <= 2000],
    ['RSS ≤ 1.5 GB', s.rssAfterQueries <= 1.5 * 1024 ** 3 && s.rssAfterLoad <= 1.5 * 1024 ** 3],
    ['planted phrase recall 100%', s.phrase.found === s.phrase.planted && s.phrase.inTop10 === s.phrase.planted],
  ];
  console.log(`\ntargets at ${r.episodes.toLocaleString('en')} episodes:`);
  for (const [name, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}`);
}

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-bench-'));
  console.log(`Ladder search benchmark — ${os.cpus().length} CPUs, Node ${process.version}, seed ${SEED}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  try {
    for (const episodes of wanted('synthetic') ? SIZES : []) {
      const r = await benchSize(root, episodes);
      print(r);
      if (episodes === 1000) verdict(r);
    }
    for (const section of benchSections.filter((s) => wanted(s.name))) {
      console.log(`\n===== ${section.name} =====`);
      await section.run();
    }
  } finally {
    // BENCH_KEEP=1 leaves the corpora and databases for a closer look
    if (process.env.BENCH_KEEP === '1') console.log(`\nkept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
  console.log(`\nbenchmark finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
