/**
 * `BENCH_ONLY=real npm run bench`: the real Changelog archive (../shared/real/changelog)
 * imported whole into a fresh database by `ladder import`'s own code in a process
 * of its own (search index included), then imported again unchanged, beside the
 * floor measured in the same run: reading the files, splitting them into turns,
 * and FTS5 indexing those turns.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchSection } from './sections';
import { measureFloor } from './real/floor';
import { table } from './stats';

const ARCHIVE = path.resolve(process.cwd(), '..', 'shared', 'real', 'changelog');

interface ChildRun {
  ms: number;
  cpuMs: number;
  maxRssKb: number;
  failed: number;
  duplicates: number;
  segments: number;
  statuses: Record<string, number>;
}

function importInChild(db: string): ChildRun {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const child = spawnSync(tsx, ['--conditions=react-server', path.join(__dirname, 'real', 'import-child.ts'), db, ARCHIVE], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`import failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ChildRun;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export const realArchiveBench: BenchSection = {
  name: 'real',
  async run() {
    if (!fs.existsSync(ARCHIVE)) {
      console.log(`no real archive at ${ARCHIVE}; skipped`);
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-real-'));
    try {
      const db = path.join(dir, 'ladder.db');
      const first = importInChild(db);
      const again = importInChild(db);
      const floor = measureFloor(ARCHIVE);
      console.log(`${floor.files} files, ${(floor.bytes / 1048576).toFixed(1)} MB, ${first.segments.toLocaleString('en')} segments; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}`);
      console.log(
        table(
          ['step', 'wall', 'CPU', 'peak RSS', 'result'],
          [
            ['ladder import, fresh database (search index included)', s(first.ms), s(first.cpuMs), `${Math.round(first.maxRssKb / 1024)} MB`, `${first.statuses.imported ?? 0} imported, ${first.duplicates} duplicates, ${first.failed} failed`],
            ['ladder import again, nothing changed', s(again.ms), s(again.cpuMs), `${Math.round(again.maxRssKb / 1024)} MB`, `${again.statuses.unchanged ?? 0} unchanged`],
            ['floor: read the files', s(floor.readMs), '', '', ''],
            ['floor: split into turns (one regex)', s(floor.splitMs), '', '', `${floor.turns.toLocaleString('en')} turns`],
            ['floor: FTS5 index of those turns', s(floor.ftsMs), '', '', ''],
          ],
        ),
      );
      const checks: [string, boolean][] = [
        ['whole archive ≤ 10 s wall, search index included', first.ms <= 10_000],
        ['unchanged re-import ≤ 1 s wall', again.ms <= 1_000],
        ['no file failed', first.failed === 0],
      ];
      for (const [name, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
