import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type LadderDb } from '@/db/client';
import { importPaths } from '@/db/import/run-import';
import { matches, readExpected, storedMoments } from '@/scripts/eval/moments-judge';
import { CORPUS_DIR } from '../support/corpus';
import { makeTempDir } from '../support/temp';

let tmp: ReturnType<typeof makeTempDir>;
let ladderDb: LadderDb;

beforeAll(async () => {
  tmp = makeTempDir();
  const dbPath = path.join(tmp.dir, 'corpus.db');
  await importPaths({ paths: [CORPUS_DIR], dbPath, rebuildIndex: false });
  ladderDb = openDatabase({ path: dbPath });
});
afterAll(() => {
  ladderDb.sqlite.close();
  tmp.cleanup();
});

describe('career moments of the corpus interviews, against the moments written down by reading them', () => {
  it('are right (precision ≥ 0.9) and find the promotions and company moves (recall ≥ 0.8)', () => {
    const expected = readExpected();
    const moments = storedMoments(ladderDb, [...new Set(expected.map((e) => e.file))]);
    const right = moments.filter((m) => expected.some((e) => matches(m, e)));
    const counted = expected.filter((e) => e.counts);
    const found = counted.filter((e) => moments.some((m) => matches(m, e)));
    expect(moments.length).toBeGreaterThan(0);
    expect(right.length / moments.length, JSON.stringify(moments.filter((m) => !right.includes(m)))).toBeGreaterThanOrEqual(0.9);
    expect(found.length / counted.length, JSON.stringify(counted.filter((e) => !found.includes(e)).map((e) => e.note))).toBeGreaterThanOrEqual(0.8);
  });

  it('stores the M1 → M2 promotion at Meta where it is told, and Evan King’s three steps on their chapters', () => {
    const rows = ladderDb.sqlite
      .prepare(
        `SELECT p.name, m.from_level AS "from", m.to_level AS "to", m.company, m.seconds, m.source
         FROM career_moments m JOIN people p ON p.id = m.person_id WHERE m.kind = 'promotion' ORDER BY p.name, m.seconds`,
      )
      .all();
    expect(rows).toEqual([
      { name: 'Evan King', from: 'junior', to: 'mid', company: 'Meta', seconds: 1513, source: 'summary' },
      { name: 'Evan King', from: 'mid', to: 'senior', company: 'Meta', seconds: 2128, source: 'summary' },
      { name: 'Evan King', from: 'senior', to: 'staff', company: 'Meta', seconds: 3165, source: 'summary' },
      { name: 'Stefan Mai', from: 'm1', to: 'm2', company: 'Meta', seconds: 1636, source: 'speech' },
    ]);
  });
});
