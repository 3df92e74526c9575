/**
 * The floor an importer is measured against, on the same files: reading them,
 * splitting them into turns with one regular expression, and SQLite FTS5
 * indexing those turns in one transaction (what a bare full-text search costs).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface Floor {
  files: number;
  bytes: number;
  turns: number;
  readMs: number;
  splitMs: number;
  ftsMs: number;
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listFiles(full);
    return e.name.endsWith('.md') && e.name !== 'SOURCE.md' ? [full] : [];
  });
}

export function measureFloor(folder: string): Floor {
  let t = performance.now();
  const texts = listFiles(folder).map((f) => fs.readFileSync(f, 'utf8'));
  const readMs = performance.now() - t;
  t = performance.now();
  const turns = texts.flatMap((text) => text.split(/\n(?=\*\*[^*\n]+?:\s*\*\*)/));
  const splitMs = performance.now() - t;
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE turns USING fts5(text, tokenize='unicode61 remove_diacritics 2')`);
  const insert = db.prepare('INSERT INTO turns(rowid, text) VALUES (?, ?)');
  t = performance.now();
  db.transaction(() => turns.forEach((text, i) => insert.run(i, text)))();
  const ftsMs = performance.now() - t;
  db.close();
  return { files: texts.length, bytes: texts.reduce((n, s) => n + Buffer.byteLength(s), 0), turns: turns.length, readMs, splitMs, ftsMs };
}
