import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Result } from 'autocannon';
import { drive, type Outcome } from './run';
import type { Scenario } from './scenarios';

/**
 * The site under load while a second process imports a whole archive into the
 * database it serves: the search API and the episode pages, half the
 * connections each, from the import's start to its end. Then how long until
 * the import's content is searchable, and whether the server wrote any file.
 */
export interface DuringImport {
  rows: Outcome[];
  importMs: number;
  importExit: number | null;
  /** from the import process's exit to the first search that finds the new content; null when it never did */
  searchableAfterMs: number | null;
  probe: string;
  /** files that appeared beside the database and are not the importer's or SQLite's */
  serverWrites: string[];
  ok: boolean;
}

const ROOT = path.resolve(__dirname, '..', '..');
export const SEARCHABLE_WITHIN_MS = 2_000;

/**
 * A word the archive has and the database does not yet: the last name of the
 * first labelled speaker (`**Name:**`, or `Name:` at a line start) in the
 * archive's first file whose name the server cannot find yet. Chosen from the
 * files, so any archive of this kind works.
 */
export async function chooseProbe(archive: string, url: string): Promise<string> {
  const files = (fs.readdirSync(archive, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort();
  for (const f of files.slice(0, 50)) {
    const text = fs.readFileSync(path.join(archive, f), 'utf8');
    for (const m of text.matchAll(/^(?:\*\*)?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+):(?:\*\*)?/gm)) {
      const word = m[1]!.split(' ').pop()!;
      const res = await fetch(`${url}/api/search?q=${encodeURIComponent(`"${word}"`)}`);
      const body = (await res.json()) as { total: number };
      if (body.total === 0) return word;
    }
  }
  throw new Error(`no word in ${archive} that the database lacks`);
}

export async function runDuringImport(opts: { url: string; dbPath: string; archive: string; search: Scenario; pages: Scenario; connections: number; serverPgid: number }): Promise<DuringImport> {
  const dir = path.dirname(opts.dbPath);
  const before = new Set(fs.readdirSync(dir));
  const probe = await chooseProbe(opts.archive, opts.url);
  const half = Math.max(1, Math.floor(opts.connections / 2));
  // long enough for any import; stopped when the import ends
  const search = drive(opts.url, opts.search.paths, half, 3_600, opts.search.headers);
  const pages = drive(opts.url, opts.pages.paths, opts.connections - half, 3_600, opts.pages.headers);
  const t0 = performance.now();
  const child = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/ladder.ts', 'import', opts.archive, '--db', opts.dbPath], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
  const importExit = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const importMs = performance.now() - t0;
  const endedAt = performance.now();
  let searchableAfterMs: number | null = null;
  while (performance.now() - endedAt < 10_000) {
    const res = await fetch(`${opts.url}/api/search?q=${encodeURIComponent(`"${probe}"`)}`);
    if (res.ok && ((await res.json()) as { total: number }).total > 0) {
      searchableAfterMs = performance.now() - endedAt;
      break;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  search.stop();
  pages.stop();
  const [s, p] = await Promise.all([search, pages]);
  if (importExit !== 0) console.error(`import exited ${importExit}:\n${log.split('\n').slice(-20).join('\n')}`);
  const serverWrites = newFilesNotImporters(dir, before, serverPids(opts.serverPgid));
  const row = (scenario: Scenario, r: Result): Outcome => {
    const errors = r.errors + r.timeouts;
    return { scenario, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors, non2xx: r.non2xx, ok: errors === 0 && r.non2xx === 0 && (scenario.p99Target === null || r.latency.p99 <= scenario.p99Target) };
  };
  const rows = [row(opts.search, s), row(opts.pages, p)];
  const ok = rows.every((r) => r.ok) && importExit !== null && importExit <= 1 && searchableAfterMs !== null && searchableAfterMs <= SEARCHABLE_WITHIN_MS && serverWrites.length === 0;
  return { rows, importMs, importExit, searchableAfterMs, probe, serverWrites, ok };
}

/** Every process of the server's group (next forks workers). */
function serverPids(pgid: number): Set<number> {
  const out = execFileSync('ps', ['-o', 'pid=', '-g', String(pgid)], { encoding: 'utf8' });
  return new Set(out.split('\n').map((s) => Number(s.trim())).filter((n) => n > 0));
}

/**
 * New entries beside the database that the server made: an index version
 * folder carries the pid of the process that wrote it (`….search.v-PID-TIME`),
 * and SQLite's -wal and -shm belong to whoever has the database open. Anything
 * else new, or a version written by a server process, is a write by the server.
 */
function newFilesNotImporters(dir: string, before: Set<string>, server: Set<number>): string[] {
  return fs.readdirSync(dir).filter((name) => {
    if (before.has(name) || /-(wal|shm|journal)$/.test(name)) return false;
    const version = /\.search\.(?:v|link)-(\d+)-\d+$/.exec(name) ?? (name.endsWith('.search') ? ['', '0'] : null);
    return version === null || server.has(Number(version[1]));
  });
}
