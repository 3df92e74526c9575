/**
 * npm run loadtest — load on a production build (run `npm run build` first).
 * Imports the corpus and content/ into a temporary database, starts
 * `next start` on 127.0.0.1 only, drives the search API and then the episode
 * pages with autocannon, prints the figures and exits 1 when a target is
 * missed (p99, any error, any non-2xx). Bounded in time; always stops the server.
 * LOADTEST_SECONDS / LOADTEST_CONNECTIONS / LOADTEST_PORT override the defaults;
 * LADDER_DIST_DIR picks another build folder (as for `next build`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDuringImport, SEARCHABLE_WITHIN_MS } from './loadtest/during-import';
import { formatTable, runScenario, warm, type Outcome } from './loadtest/run';
import { baselineScenario, episodeScenario, gzipEpisodeScenario, searchScenario, uncachedEpisodeScenario, uncachedSearchScenario } from './loadtest/scenarios';
import { startServer, type Server } from './loadtest/server';

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.LOADTEST_PORT ?? 3200);
const CONNECTIONS = Number(process.env.LOADTEST_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 20);
const WARM_SECONDS = Math.max(2, Math.round(SECONDS / 4));
// six runs of SECONDS and their warm-ups, plus import and start-up; past this something hangs
// the archive a second process imports during the last scenario (skipped when absent)
const ARCHIVE = path.resolve(process.env.LOADTEST_ARCHIVE ?? path.join(ROOT, '..', 'shared', 'real', 'changelog'));
// LOADTEST_ONLY=during-import runs that scenario, after the baseline and the search API for comparison in the same run
const ONLY = process.env.LOADTEST_ONLY;
const HARD_LIMIT_MS = (6 * (SECONDS + WARM_SECONDS + 30) + 180 + 900) * 1000;

let server: Server | null = null;
let tmpDir: string | null = null;

async function cleanup(): Promise<void> {
  await server?.stop();
  server = null;
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  tmpDir = null;
}

function importContent(dbPath: string): void {
  const inputs = [path.resolve(ROOT, '..', 'shared', 'corpus'), path.join(ROOT, 'content')].filter((p) => fs.existsSync(p));
  const r = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/ladder.ts', 'import', ...inputs, '--db', dbPath], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  // exit 1 means some file failed while the rest imported: a load test can still run on the rest
  if (r.status !== 0 && r.status !== 1) throw new Error(`import failed (${r.status}):\n${r.stderr}`);
  console.log(r.stderr.trim().split('\n').pop());
}

async function main(): Promise<number> {
  const dist = process.env.LADDER_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(ROOT, dist, 'BUILD_ID'))) {
    console.error(`loadtest: no production build in ${dist}/; run \`npm run build\` first`);
    return 2;
  }
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-loadtest-'));
  const dbPath = path.join(tmpDir, 'loadtest.db');
  importContent(dbPath);
  console.log(`starting next on 127.0.0.1:${PORT} …`);
  server = await startServer({ port: PORT, dbPath, readyPath: '/api/search?q=promo' });
  const outcomes: Outcome[] = [];
  const all = [baselineScenario(), searchScenario(), uncachedSearchScenario(), episodeScenario(dbPath), gzipEpisodeScenario(dbPath), uncachedEpisodeScenario(dbPath)];
  const scenarios = ONLY === 'during-import' ? all.slice(0, 2) : all;
  for (const scenario of scenarios) {
    const bad = await warm(server.url, scenario, CONNECTIONS, WARM_SECONDS);
    if (bad.length > 0) console.error(`warm-up of ${scenario.name} got:\n  ${bad.join('\n  ')}`);
    console.log(`${scenario.name}: ${scenario.paths.length} paths, ${CONNECTIONS} connections, ${SECONDS} s …`);
    outcomes.push(await runScenario(server.url, scenario, CONNECTIONS, SECONDS));
  }
  let duringOk = true;
  if (fs.existsSync(ARCHIVE)) {
    const search = { ...searchScenario(), name: 'search API, during an import', p99Target: 150 };
    const pages = { ...episodeScenario(dbPath), name: 'episode pages, during an import', p99Target: null };
    for (const s of [search, pages]) await warm(server.url, s, CONNECTIONS, WARM_SECONDS);
    console.log(`during an import of ${ARCHIVE}: search API and episode pages, ${CONNECTIONS} connections, until the import ends …`);
    const d = await runDuringImport({ url: server.url, dbPath, archive: ARCHIVE, search, pages, connections: CONNECTIONS, serverPgid: server.pgid });
    outcomes.push(...d.rows);
    duringOk = d.ok;
    console.log(
      [
        `import: ${(d.importMs / 1000).toFixed(1)} s, exit ${d.importExit}`,
        `"${d.probe}" searchable ${d.searchableAfterMs === null ? 'never (10 s)' : `${Math.round(d.searchableAfterMs)} ms`} after the import ended (target ≤ ${SEARCHABLE_WITHIN_MS} ms)`,
        `files written by the server: ${d.serverWrites.length === 0 ? 'none' : d.serverWrites.join(', ')}`,
      ].join('\n'),
    );
  } else console.log(`(no archive at ${ARCHIVE}: the during-an-import scenario is skipped)`);
  console.log(`\n${formatTable(outcomes)}\n`);
  const failed = outcomes.filter((o) => !o.ok);
  if (!duringOk && failed.length === 0) {
    console.error('loadtest: the during-an-import scenario missed a target (see above)');
    return 1;
  }
  if (failed.length > 0) {
    console.error(`loadtest: target missed by ${failed.map((o) => o.scenario.name).join(', ')}`);
    if (failed.some((o) => o.errors > 0 || o.non2xx > 0)) console.error(server.output().split('\n').slice(-30).join('\n'));
  }
  return failed.length === 0 ? 0 : 1;
}

const deadline = setTimeout(() => {
  console.error(`loadtest: still running after ${HARD_LIMIT_MS / 1000} s; stopping`);
  void cleanup().finally(() => process.exit(1));
}, HARD_LIMIT_MS);
// `on`, not `once`: Ctrl-C reaches this process twice (directly and relayed by tsx), and
// a second, unhandled SIGINT would kill it before the server is stopped
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    void cleanup().finally(() => process.exit(130));
  });
}

main()
  .then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(`loadtest: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  )
  .finally(async () => {
    await cleanup();
    clearTimeout(deadline);
  });
