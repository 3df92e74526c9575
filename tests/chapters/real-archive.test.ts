import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type LadderDb } from '@/db/client';
import { CHANGELOG_DIR, realArchive, type RealArchive } from '../support/real-archive';

let archive: RealArchive;
let ladderDb: LadderDb;

beforeAll(async () => {
  archive = await realArchive();
  ladderDb = openDatabase({ path: archive.dbPath, readonly: true });
}, 900_000);
afterAll(() => {
  ladderDb?.sqlite.close();
});

interface Row {
  id: number;
  slug: string;
  lastStart: number | null;
}

interface ChapterRow {
  title: string;
  start: number | null;
  generated: number;
  firstOrdinal: number | null;
}

describe('generated chapters on the real Changelog archive', () => {
  it('imports every file', () => {
    expect(archive.report.failed).toEqual([]);
    expect(archive.report.documents).toBeGreaterThan(600);
  });

  it('gives every episode longer than 10 minutes chapters that keep the invariants', () => {
    const docs = ladderDb.sqlite
      .prepare(`SELECT d.id, d.slug, (SELECT max(start_seconds) FROM segments s WHERE s.document_id = d.id) AS lastStart FROM documents d WHERE d.source_path LIKE ?`)
      .all(`${CHANGELOG_DIR}%`) as Row[];
    const long = docs.filter((d) => (d.lastStart ?? 0) > 600);
    expect(long.length).toBeGreaterThan(600);
    const chaptersOf = ladderDb.sqlite.prepare(
      `SELECT c.title, c.start_seconds AS start, c.generated,
         (SELECT min(s.ordinal) FROM segments s WHERE s.chapter_id = c.id) AS firstOrdinal
       FROM chapters c WHERE c.document_id = ? ORDER BY c.ordinal`,
    );
    const turnAt = ladderDb.sqlite.prepare(`SELECT turn, start_seconds AS start FROM segments WHERE document_id = ? AND ordinal = ?`);
    const unchaptered = ladderDb.sqlite.prepare(`SELECT count(*) AS n FROM segments WHERE document_id = ? AND chapter_id IS NULL`);
    const problems: string[] = [];
    let chapters = 0;
    for (const d of long) {
      const rows = chaptersOf.all(d.id) as ChapterRow[];
      chapters += rows.length;
      const say = (what: string) => problems.push(`${d.slug}: ${what}`);
      if (rows.length < 2) {
        say(`${rows.length} chapters`);
        continue;
      }
      if (rows.some((c) => c.generated !== 1)) say('a chapter not marked generated');
      if (rows[0]!.start !== 0 || rows[0]!.firstOrdinal !== 0) say(`first chapter at ${rows[0]!.start} s`);
      if ((unchaptered.get(d.id) as { n: number }).n > 0) say('segments outside every chapter');
      const titles = new Set<string>();
      rows.forEach((c, i) => {
        const end = rows[i + 1]?.start ?? d.lastStart!;
        if (i + 1 < rows.length && end - c.start! < 60) say(`chapter "${c.title}" lasts ${end - c.start!} s`);
        if (c.title.trim() === '' || c.title.length > 48) say(`title "${c.title}"`);
        if (titles.has(c.title.toLowerCase())) say(`title "${c.title}" twice`);
        titles.add(c.title.toLowerCase());
        if (i > 0 && c.firstOrdinal !== null && c.firstOrdinal > 0) {
          const here = turnAt.get(d.id, c.firstOrdinal) as { turn: number | null; start: number | null };
          const before = turnAt.get(d.id, c.firstOrdinal - 1) as { turn: number | null; start: number | null };
          if (here.turn !== null && here.turn === before.turn) say(`chapter "${c.title}" starts inside turn ${here.turn}`);
          // following the chapter (?t=start) must land on its turn
          if (here.start !== c.start || (before.start !== null && before.start >= c.start!)) say(`chapter "${c.title}" at ${c.start} s does not own its second`);
        }
      });
    }
    expect(problems).toEqual([]);
    // sized like human chapters: about one every five minutes
    const hours = long.reduce((n, d) => n + d.lastStart!, 0) / 3600;
    expect(chapters / (hours * 60)).toBeGreaterThan(1 / 8);
    expect(chapters / (hours * 60)).toBeLessThan(1 / 3);
  });
});
