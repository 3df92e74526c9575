import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGELOG_DIR, changelogFiles, realArchive, type RealArchive } from '../support/real-archive';

/**
 * The real Changelog archive (657 episodes of three shows, read in place) imported
 * whole: every file, every turn, every inline time, and the people in the right roles.
 * Expectations are counted from the files here, independently of the parser.
 */
let archive: RealArchive;
let db: Database.Database;

beforeAll(async () => {
  archive = await realArchive();
  db = new Database(archive.dbPath, { readonly: true });
}, 600_000);
afterAll(() => db?.close());

// a label is a label even when typed behind heading marks ("# **Break:** ...")
const LABEL = /^(?:#{1,6}\s+)?\*\*([^*\n]+?)(?::\*\*|\*\*\s*:)/;
const STAMP = /\\\[(?:[a-z][a-z ]*\s)?((?:\d{1,2}:)?\d{1,2}:\d{2})(?:\.\d+)?\\\]/gi;

/** Turns and the stamps written inside each, read straight from the file. */
function readTurns(file: string): { label: string; stamps: number[] }[] {
  const turns: { label: string; stamps: number[] }[] = [];
  for (const line of fs.readFileSync(path.join(CHANGELOG_DIR, file), 'utf8').split('\n')) {
    const m = LABEL.exec(line);
    if (m) turns.push({ label: m[1]!.trim(), stamps: [] });
    const current = turns[turns.length - 1];
    if (!current) continue;
    for (const s of line.matchAll(STAMP)) {
      const parts = s[1]!.split(':').map(Number);
      current.stamps.push(parts.reduce((t, p) => t * 60 + p, 0));
    }
  }
  return turns;
}

function documentOf(file: string): number {
  const row = db.prepare('SELECT id FROM documents WHERE source_path = ?').get(path.join(CHANGELOG_DIR, file)) as { id: number } | undefined;
  expect(row, `${file} has a document`).toBeDefined();
  return row!.id;
}

describe('the Changelog archive, imported whole', () => {
  it('imports every file, with no failure and no note', () => {
    const files = changelogFiles();
    expect(files).toHaveLength(657);
    expect(archive.report.failed).toEqual([]);
    const formats = db
      .prepare(`SELECT format, count(*) AS n FROM documents WHERE source_path LIKE ? GROUP BY format`)
      .all(`${CHANGELOG_DIR}%`) as { format: string; n: number }[];
    expect(formats).toEqual([{ format: 'markdown-transcript', n: 657 }]);
  });

  it('has, for every file, one turn per **Name:** label, in order, with its speaker', () => {
    const turnsOf = db.prepare(`SELECT turn, min(speaker_label) AS label FROM segments WHERE document_id = ? AND turn IS NOT NULL GROUP BY turn ORDER BY turn`);
    const wrong: string[] = [];
    for (const file of changelogFiles()) {
      const expected = readTurns(file).map((t) => t.label.split(':')[0]!.trim());
      const got = turnsOf.all(documentOf(file)) as { turn: number; label: string }[];
      if (got.length !== expected.length || got.some((g, i) => g.turn !== i || g.label.replace(/\s+/g, ' ') !== expected[i]!.replace(/\s+/g, ' '))) wrong.push(file);
    }
    expect(wrong).toEqual([]);
  });

  it('gives every inline stamp an exact time on the segment of its turn', () => {
    const exactTimes = db.prepare(`SELECT start_seconds AS start, estimated, marks FROM segments WHERE document_id = ? AND turn = ?`);
    const missing: string[] = [];
    let stamps = 0;
    for (const file of changelogFiles()) {
      const id = documentOf(file);
      readTurns(file).forEach((t, turn) => {
        if (t.stamps.length === 0) return;
        const rows = exactTimes.all(id, turn) as { start: number; estimated: number; marks: string | null }[];
        const exact = new Set<number>();
        for (const r of rows) {
          if (!r.estimated) exact.add(r.start);
          for (const [, seconds, isExact] of JSON.parse(r.marks ?? '[]') as [number, number, number][]) if (isExact) exact.add(Math.floor(seconds));
        }
        for (const s of t.stamps) {
          stamps++;
          if (!exact.has(s)) missing.push(`${file} turn ${turn}: ${s}`);
        }
      });
    }
    expect(stamps).toBeGreaterThan(12_000);
    expect(missing).toEqual([]);
  });

  it('makes Adam Stacoviak one person, the host of every Founders Talk episode', () => {
    const adams = db.prepare(`SELECT name FROM people WHERE name LIKE 'Adam%' AND name NOT LIKE 'Adam %' OR name LIKE '%Stacoviak%'`).all();
    expect(adams).toEqual([{ name: 'Adam Stacoviak' }]);
    const founders = db
      .prepare(
        `SELECT d.id, (SELECT dp.role FROM document_people dp JOIN people p ON p.id = dp.person_id WHERE dp.document_id = d.id AND p.name = 'Adam Stacoviak') AS role
         FROM documents d JOIN shows s ON s.id = d.show_id WHERE s.name = 'Founders Talk'`,
      )
      .all() as { id: number; role: string | null }[];
    expect(founders).toHaveLength(50);
    expect(new Set(founders.map((f) => f.role))).toEqual(new Set(['host']));
  });

  it('makes Adam Stacoviak and Jerod Santo hosts, never guests, of The Changelog and Changelog & Friends', () => {
    const roles = db
      .prepare(
        `SELECT s.name AS show, p.name AS person, dp.role, count(*) AS n FROM document_people dp
         JOIN people p ON p.id = dp.person_id JOIN documents d ON d.id = dp.document_id JOIN shows s ON s.id = d.show_id
         WHERE p.name IN ('Adam Stacoviak', 'Jerod Santo') AND s.name IN ('The Changelog', 'Changelog & Friends')
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
      .all() as { show: string; person: string; role: string; n: number }[];
    expect(roles.map((r) => `${r.show}/${r.person}/${r.role}`)).toEqual([
      'Changelog & Friends/Adam Stacoviak/host',
      'Changelog & Friends/Jerod Santo/host',
      'The Changelog/Adam Stacoviak/host',
      'The Changelog/Jerod Santo/host',
    ]);
    // every episode they speak in lists them
    const unlisted = db
      .prepare(
        `SELECT count(*) AS n FROM document_speakers ds JOIN people p ON p.id = ds.person_id
         WHERE p.name IN ('Adam Stacoviak', 'Jerod Santo') AND ds.turns > 0
           AND NOT EXISTS (SELECT 1 FROM document_people dp WHERE dp.document_id = ds.document_id AND dp.person_id = p.id AND dp.role = 'host')`,
      )
      .get();
    expect(unlisted).toEqual({ n: 0 });
  });

  it('makes Break nobody: a break row in the transcript, no person, no guest', () => {
    expect(db.prepare(`SELECT count(*) AS n FROM people WHERE name LIKE 'Break%' AND name <> 'Breakmaster Cylinder'`).get()).toEqual({ n: 0 });
    const kinds = db.prepare(`SELECT DISTINCT kind, speaker_person_id AS person FROM segments WHERE speaker_label = 'Break'`).all();
    expect(kinds).toEqual([{ kind: 'break', person: null }]);
    expect(db.prepare(`SELECT DISTINCT role FROM document_speakers WHERE label = 'Break'`).all()).toEqual([{ role: 'pseudo' }]);
  });

  it('titles every episode from its show, number and guests, never with Markdown', () => {
    const titles = db.prepare(`SELECT title FROM documents WHERE source_path LIKE ?`).all(`${CHANGELOG_DIR}%`) as { title: string }[];
    expect(titles.filter((t) => /[*\\[\]]|^\s*$/.test(t.title))).toEqual([]);
    const pia = db.prepare(`SELECT title FROM documents WHERE source_path = ?`).get(path.join(CHANGELOG_DIR, 'founderstalk', 'founders-talk-52.md'));
    expect(pia).toEqual({ title: 'Founders Talk #52: Pia Mancini' });
  });
});
