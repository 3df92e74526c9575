import type Database from 'better-sqlite3';
import { parseQuery } from '@/lib/search/query';

/**
 * The peer baseline: SQLite FTS5 with the porter stemmer over unicode61 and its
 * bm25 rank, as a quote-search tool built on SQLite would do it. Built once per
 * run over the imported segments (an external-content table, so no text is
 * copied); every query word is ANDed (porter folds plurals, so no prefixes), a
 * quoted phrase stays a phrase.
 */
export class Fts5Porter {
  private readonly stmt: Database.Statement;

  constructor(sqlite: Database.Database) {
    sqlite.exec(`DROP TABLE IF EXISTS eval_fts_porter;
      CREATE VIRTUAL TABLE eval_fts_porter USING fts5(text, content='segments', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
      INSERT INTO eval_fts_porter(eval_fts_porter) VALUES ('rebuild');`);
    this.stmt = sqlite.prepare(`SELECT rowid AS id FROM eval_fts_porter WHERE eval_fts_porter MATCH ? ORDER BY bm25(eval_fts_porter) LIMIT ?`);
  }

  /** segment ids, best first */
  search(q: string, limit: number): number[] {
    const match = ftsQuery(q);
    if (!match) return [];
    return (this.stmt.all(match, limit) as { id: number }[]).map((r) => r.id);
  }
}

export function ftsQuery(q: string): string | null {
  const p = parseQuery(q);
  const parts = [...p.words.map((w) => `"${w}"`), ...p.phrases.map((ph) => `"${ph.words.join(' ')}"`)];
  return parts.length > 0 ? parts.join(' AND ') : null;
}
