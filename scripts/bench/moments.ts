/**
 * Career-moment extraction on the real archive: ../shared/corpus and
 * ../shared/real/changelog imported as the importer does (into a temporary
 * database, or BENCH_MOMENTS_DB=FILE to reuse one), every document read back,
 * then the extraction alone timed over all of them, beside a floor measured in
 * the same runs: one regular-expression pass over the same text (counting its words).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { currentCareerData } from '@/db/career-data';
import { openDatabase } from '@/db/client';
import { storedMomentInput } from '@/db/import/moments';
import { importPaths } from '@/db/import/run-import';
import { extractMoments } from '@/lib/careers/extract';
import type { BenchSection } from './sections';

const SHARED = path.resolve(process.cwd(), '..', 'shared');

async function run(): Promise<void> {
  const reuse = process.env.BENCH_MOMENTS_DB;
  const tmp = reuse ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-bench-moments-'));
  const dbPath = reuse ? path.resolve(reuse) : path.join(tmp!, 'moments.db');
  try {
    if (!reuse) await importPaths({ paths: [path.join(SHARED, 'corpus'), path.join(SHARED, 'real', 'changelog')], dbPath, rebuildIndex: false });
    const ladder = openDatabase({ path: dbPath, readonly: true });
    const ids = ladder.sqlite.prepare('SELECT id FROM documents ORDER BY id').all() as { id: number }[];
    const inputs = ids.flatMap(({ id }) => storedMomentInput(ladder.db, id)?.input ?? []);
    ladder.sqlite.close();
    const chars = inputs.reduce((n, d) => n + d.segments.reduce((m, s) => m + s.text.length, 0), 0);
    const data = currentCareerData();
    let extraction = Infinity;
    let floor = Infinity;
    let moments = 0;
    let words = 0;
    // alternate the two so a busy machine slows both alike; the best of four of each
    for (let i = 0; i < 4; i++) {
      let t = performance.now();
      moments = inputs.reduce((n, d) => n + extractMoments(d, data).length, 0);
      extraction = Math.min(extraction, performance.now() - t);
      t = performance.now();
      words = inputs.reduce((n, d) => n + d.segments.reduce((m, s) => m + (s.text.match(/\S+/g)?.length ?? 0), 0), 0);
      floor = Math.min(floor, performance.now() - t);
    }
    const guests = inputs.filter((d) => d.people.some((p) => p.role === 'guest')).length;
    console.log(`moments: ${inputs.length} documents (${guests} with a guest), ${(chars / 1e6).toFixed(1)} M characters of segments`);
    console.log(`  extraction         ${extraction.toFixed(0).padStart(6)} ms   ${moments} moments`);
    console.log(`  floor (one regex)  ${floor.toFixed(0).padStart(6)} ms   ${words} words counted`);
    console.log(`  extraction / floor ${(extraction / floor).toFixed(2)}×`);
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export const momentsBench: BenchSection = { name: 'moments', run };
