import type Database from 'better-sqlite3';
import { parseQuery } from '@/lib/search/query';
import type { SearchFilters } from '@/lib/search/types';

/**
 * The same queries on SQLite FTS5 (external-content table over segments, bm25):
 * words as AND-ed prefix terms, phrases as FTS5 phrases, filters as joins. Like
 * the engine it answers the top 20 and the total. FTS5 has no typo tolerance, so
 * misspellings are searched as typed (and find nothing).
 */
export function ftsMatch(q: string): string | null {
  const p = parseQuery(q);
  const parts = [...p.words.map((w) => `"${w}"*`), ...p.phrases.map((ph) => `"${ph.words.join(' ')}"`)];
  return parts.length > 0 ? parts.join(' AND ') : null;
}

/**
 * The benchmark's FTS5 table over the imported segments (the app has none: its
 * engine is FlexSearch). Built after the import, timed by the caller.
 */
export function buildFtsTable(sqlite: Database.Database): void {
  sqlite.exec(`DROP TABLE IF EXISTS segments_fts;
    CREATE VIRTUAL TABLE segments_fts USING fts5(text, content='segments', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
    INSERT INTO segments_fts(segments_fts) VALUES ('rebuild');`);
}

export class FtsRunner {
  private readonly plain: Database.Statement;
  private readonly plainCount: Database.Statement;
  private readonly ids: { show: Map<string, number>; person: Map<string, number>; topic: Map<string, number> };

  constructor(private readonly sqlite: Database.Database) {
    this.plain = sqlite.prepare(`SELECT rowid FROM segments_fts WHERE segments_fts MATCH ? ORDER BY rank LIMIT 20`);
    this.plainCount = sqlite.prepare(`SELECT count(*) AS n FROM segments_fts WHERE segments_fts MATCH ?`);
    const map = (sql: string) => new Map((sqlite.prepare(sql).all() as { slug: string; id: number }[]).map((r) => [r.slug, r.id]));
    this.ids = { show: map('SELECT slug, id FROM shows'), person: map('SELECT slug, id FROM people'), topic: map('SELECT slug, id FROM topics') };
  }

  private readonly filtered = new Map<string, Database.Statement>();

  /** Top 20 segment ids and the total, as the engine answers. */
  search(q: string, f: SearchFilters): { ids: number[]; total: number } {
    const match = ftsMatch(q);
    if (!match) return { ids: [], total: 0 };
    const [key] = Object.keys(f) as (keyof SearchFilters)[];
    if (!key) {
      const ids = (this.plain.all(match) as { rowid: number }[]).map((r) => r.rowid);
      return { ids, total: (this.plainCount.get(match) as { n: number }).n };
    }
    const value = f[key]!;
    const arg = key === 'kind' ? value : key === 'show' ? this.ids.show.get(value) : key === 'topic' ? this.ids.topic.get(value) : this.ids.person.get(value);
    if (arg === undefined) return { ids: [], total: 0 };
    const args = key === 'topic' ? [match, arg, arg] : [match, arg];
    const ids = (this.statement(key, false).all(...args) as { rowid: number }[]).map((r) => r.rowid);
    return { ids, total: (this.statement(key, true).get(...args) as { n: number }).n };
  }

  private statement(key: keyof SearchFilters, count: boolean): Database.Statement {
    let st = this.filtered.get(`${key}:${count}`);
    if (st) return st;
    const cond = {
      kind: 'd.kind = ?',
      show: 'd.show_id = ?',
      speaker: 's.speaker_person_id = ?',
      guest: `EXISTS (SELECT 1 FROM document_people dp WHERE dp.document_id = s.document_id AND dp.role = 'guest' AND dp.person_id = ?)`,
      topic: `(EXISTS (SELECT 1 FROM segment_topics st WHERE st.segment_id = s.id AND st.topic_id = ?)
               OR EXISTS (SELECT 1 FROM chapter_topics ct WHERE ct.chapter_id = s.chapter_id AND ct.topic_id = ?))`,
    }[key];
    const from = `FROM segments_fts f JOIN segments s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id WHERE segments_fts MATCH ? AND ${cond}`;
    st = this.sqlite.prepare(count ? `SELECT count(*) AS n ${from}` : `SELECT f.rowid ${from} ORDER BY bm25(segments_fts) LIMIT 20`);
    this.filtered.set(`${key}:${count}`, st);
    return st;
  }
}
