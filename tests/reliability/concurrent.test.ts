import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPaths } from '@/db/import/run-import';
import { makeTempDir } from '../support/temp';
import { exited, spawnImport } from './helpers/cli';
import { documentDump } from './helpers/snapshot';
import { longTranscript } from './helpers/transcripts';

/**
 * Two imports of the same folder at once (a cron run overlapping a manual one):
 * write transactions take the lock at BEGIN (IMMEDIATE), so the second waits
 * its turn instead of failing files with "database is locked".
 */
let tmp: ReturnType<typeof makeTempDir>;
let dir: string;

beforeAll(() => {
  tmp = makeTempDir('ladder-concurrent-');
  dir = path.join(tmp.dir, 'content');
  fs.mkdirSync(dir);
  for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `story-${String(i).padStart(2, '0')}.md`), longTranscript(i, 60));
});
afterAll(() => tmp.cleanup());

it('two overlapping imports both succeed and leave what one import leaves', async () => {
  const db = path.join(tmp.dir, 'shared.db');
  const runs = [spawnImport(dir, db), spawnImport(dir, db)];
  const logs = runs.map((child) => {
    let log = '';
    child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
    return () => log;
  });
  const codes = await Promise.all(runs.map(exited));
  expect(codes, logs.map((l) => l()).join('\n')).toEqual([0, 0]);
  for (const log of logs) expect(log()).not.toMatch(/locked|busy/i);

  await importPaths({ paths: [dir], dbPath: path.join(tmp.dir, 'clean.db'), rebuildIndex: false });
  expect(documentDump(db)).toEqual(documentDump(path.join(tmp.dir, 'clean.db')));
}, 120_000);
