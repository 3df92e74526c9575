import type Database from 'better-sqlite3';
import { prepareDocument } from '@/lib/chapters/prepare';
import { TermStats } from '@/lib/chapters/terms';

const DOCS_KEY = 'term_stats_docs';

/**
 * The archive's term frequencies during one import, and chapter generation with
 * them. Loaded from `term_stats` once, when the first changed document needs
 * them; each document imported is counted in (and the version it replaces, or a
 * file that is gone, counted out, by re-reading its stored text), and the terms
 * that changed are written back at the end. So an import costs O(its changed
 * documents), not O(archive).
 *
 * Chapters themselves are made where documents are shaped (db/import/jobs.ts),
 * with a copy of these frequencies.
 */
export class ArchiveTerms {
  private loaded: TermStats | null = null;

  constructor(private readonly sqlite: Database.Database) {}

  get stats(): TermStats {
    if (this.loaded) return this.loaded;
    const stats = new TermStats();
    for (const row of this.sqlite.prepare('SELECT term, df FROM term_stats').iterate() as Iterable<{ term: string; df: number }>) stats.setFrequency(row.term, row.df);
    const docs = this.sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(DOCS_KEY) as { value: string } | undefined;
    stats.docs = docs ? Number(docs.value) || 0 : 0;
    stats.takeChanges();
    return (this.loaded = stats);
  }

  /**
   * Step one for a whole batch: every document counted in (the stored version it
   * replaces counted out first) before any is titled, from the terms its parse
   * found (db/import/jobs.ts documentTerms).
   */
  countAll(planned: readonly { terms: readonly string[]; previousId: number | null }[]): void {
    const stats = this.stats;
    for (const p of planned) {
      if (p.previousId !== null) this.forget(p.previousId);
      stats.addDocument(p.terms.map((t) => stats.intern(t)));
    }
  }

  /** Counts out a stored document (before it is replaced or deleted). */
  forget(documentId: number): void {
    const rows = this.sqlite.prepare('SELECT text FROM segments WHERE document_id = ? ORDER BY ordinal').all(documentId) as { text: string }[];
    if (rows.length === 0) return;
    const segments = rows.map((r) => ({ text: r.text, speaker: null, role: null, kind: 'speech' as const, startSeconds: null, estimated: false, turn: null }));
    this.stats.removeDocument(prepareDocument({ segments, durationSeconds: null }, this.stats).vocab);
  }

  /** Writes the frequencies that changed; nothing when no document was counted. */
  save(): void {
    if (!this.loaded) return;
    const changes = this.loaded.takeChanges();
    const docs = this.loaded.docs;
    const upsert = this.sqlite.prepare('INSERT INTO term_stats (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = excluded.df');
    const drop = this.sqlite.prepare('DELETE FROM term_stats WHERE term = ?');
    this.sqlite.transaction(() => {
      for (const [term, df] of changes) {
        if (df > 0) upsert.run(term, df);
        else drop.run(term);
      }
      this.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(DOCS_KEY, String(docs));
    }).immediate();
  }
}
