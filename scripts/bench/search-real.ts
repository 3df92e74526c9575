import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { resolveIndexDir } from '@/db/config';
import { importPaths } from '@/db/import/run-import';
import { writeIndexDir } from '@/db/search/index-files';
import { readArchiveId, readIndexSource } from '@/db/search/records';
import { buildIndex } from '@/lib/search/build';
import { buildLegacySearch } from '../eval/search/legacy';
import { buildFtsTable } from './fts';
import type { BenchSection } from './sections';
import type { ServeReport } from './serve';
import { mb, ms, table } from './stats';

const ARCHIVE = path.resolve(process.cwd(), '..', 'shared', 'real', 'changelog');

/**
 * The search index on a real archive (../shared/real/changelog, read in place):
 * imported once with the real importer, then the index build timed in its
 * parts (reading the rows from SQLite, building, writing), beside the build of
 * the engine it replaced (FlexSearch, b601ecc) on the same rows; then a fresh
 * process loads it and runs 1,000 queries drawn from the archive's own words
 * on the engine, the full search path and FTS5, as the synthetic run does.
 * BENCH_REAL_DB=FILE reuses a database the archive was imported into before.
 */
export const searchRealSection: BenchSection = {
  name: 'search-real',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-bench-real-'));
    try {
      // BENCH_REAL_DB=FILE reuses an archive imported before (an import takes minutes on a busy machine)
      const reuse = process.env.BENCH_REAL_DB;
      const dbPath = reuse ? path.resolve(reuse) : path.join(dir, 'ladder.db');
      let t = performance.now();
      const report = await importPaths({ paths: [ARCHIVE], dbPath, rebuildIndex: false });
      const importMs = performance.now() - t;
      const ladderDb = openDatabase({ path: dbPath });
      const cpu = () => process.cpuUsage();
      const cpuMs = (since: NodeJS.CpuUsage) => {
        const u = process.cpuUsage(since);
        return (u.user + u.system) / 1000;
      };
      const build = ladderDb.sqlite.transaction(() => {
        let c = cpu();
        t = performance.now();
        const source = readIndexSource(ladderDb);
        const rows = [...source.segments()];
        const read = { wall: performance.now() - t, cpu: cpuMs(c) };
        c = cpu();
        t = performance.now();
        const built = buildIndex(source.catalog, rows);
        const make = { wall: performance.now() - t, cpu: cpuMs(c) };
        return { built, read, make, contentVersion: source.contentVersion };
      })();
      t = performance.now();
      const { bytes } = writeIndexDir(resolveIndexDir(dbPath), build.built, build.contentVersion, readArchiveId(ladderDb));
      const writeMs = performance.now() - t;
      t = performance.now();
      buildLegacySearch(ladderDb);
      const legacyMs = performance.now() - t;
      const { store } = build.built;
      // the FTS5 baseline's table (the app keeps none)
      buildFtsTable(ladderDb.sqlite);
      ladderDb.sqlite.close();

      const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
      const child = spawnSync(tsx, ['--expose-gc', '--max-old-space-size=4096', path.join(__dirname, 'serve.ts'), dbPath], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (child.status !== 0) throw new Error(`serve step failed:\n${child.stderr}`);
      const s = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ServeReport;

      console.log(
        [
          `${report.documents.length} files (${report.failed.length} failed), ${store.n.toLocaleString('en')} speech segments, ${store.a.tokens.length.toLocaleString('en')} words, ${store.vocab.size.toLocaleString('en')} distinct`,
          `import, for reference (the importer with the index left out)   ${(importMs / 1000).toFixed(1)} s${reuse ? ' (a re-import of an archive imported before)' : ''}`,
          `index build: read rows from SQLite                              ${(build.read.wall / 1000).toFixed(2)} s wall, ${(build.read.cpu / 1000).toFixed(2)} s CPU`,
          `index build: tokens, postings, pair filters, duplicates          ${(build.make.wall / 1000).toFixed(2)} s wall, ${(build.make.cpu / 1000).toFixed(2)} s CPU`,
          `index write                                                      ${(writeMs / 1000).toFixed(2)} s  (${mb(bytes)} on disk)`,
          `the b601ecc engine's build (FlexSearch), same rows, for comparison ${(legacyMs / 1000).toFixed(1)} s`,
          `index load, fresh process                                        ${(s.loadMs / 1000).toFixed(2)} s; RSS after load / after queries ${mb(s.rssAfterLoad)} / ${mb(s.rssAfterQueries)}`,
          '',
          'latency in ms, p50 / p95 / p99 over 1,000 queries from the archive\'s own words (each the median of 3 passes)',
        ].join('\n'),
      );
      const rows = s.rows.map((r) => [r.type, r.filtered ? 'yes' : 'no', String(r.engine.n), lat(r.engine), lat(r.full), lat(r.fts), `${(r.fts.p95 / Math.max(r.engine.p95, 0.001)).toFixed(1)}×`]);
      rows.push(['all', '', String(s.all.engine.n), lat(s.all.engine), lat(s.all.full), lat(s.all.fts), `${(s.all.fts.p95 / Math.max(s.all.engine.p95, 0.001)).toFixed(1)}×`]);
      console.log(table(['type', 'filter', 'n', 'engine', 'full', 'fts5', 'fts5/engine p95'], rows));
      console.log(`misspellings: target word in the top 10 for ${s.typo.targetInTop10}/${s.typo.queries} (FTS5: 0)`);
    } finally {
      if (process.env.BENCH_KEEP === '1') console.log(`kept ${dir}`);
      else fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

function lat(l: { p50: number; p95: number; p99: number }): string {
  return `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;
}
