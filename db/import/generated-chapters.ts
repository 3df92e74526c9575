import type Database from 'better-sqlite3';
import { applyGeneratedChapters, chapterInputOf } from '@/lib/chapters/parsed';
import { prepareDocument, type PreparedDocument } from '@/lib/chapters/prepare';
import { TermStats } from '@/lib/chapters/terms';
import type { ParsedDocument, SpeakerRole } from '@/lib/ingest/types';
import type { DocResolution } from '@/lib/people/types';

const DOCS_KEY = 'term_stats_docs';

/**
 * The archive's term frequencies during one import, and chapter generation with
 * them. Loaded from `term_stats` once, when the first changed document needs
 * them; each document imported is counted in (and the version it replaces, or a
 * file that is gone, counted out, by re-reading its stored text), and the terms
 * that changed are written back at the end. So an import costs O(its changed
 * documents), not O(archive).
 *
 * Use in two steps when the whole batch is parsed first (the better weights:
 * every document of the batch is counted before any is titled): `count` each
 * parsed document, then `chapters` each; or `withChapters` for one at a time.
 */
export class ArchiveTerms {
  private loaded: TermStats | null = null;
  private readonly prepared = new WeakMap<ParsedDocument, PreparedDocument>();

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

  /** Counts a parsed document in, first counting out the stored version it replaces. */
  count(doc: ParsedDocument, replaces: number | null, roles?: ReadonlyMap<string, SpeakerRole>): void {
    if (replaces !== null) this.forget(replaces);
    const prepared = prepareDocument(chapterInputOf(doc, roles), this.stats);
    this.stats.addDocument(prepared.vocab);
    this.prepared.set(doc, prepared);
  }

  /** The document with generated chapters when its source has none (see applyGeneratedChapters). */
  chapters(doc: ParsedDocument): ParsedDocument {
    return applyGeneratedChapters(doc, this.prepared.get(doc) ?? null, this.stats);
  }

  /** Step one for a whole batch: every document counted (with its speakers' roles as resolved across the archive) before any is titled. */
  countAll(planned: readonly { doc: ParsedDocument; previousId: number | null; resolution: DocResolution }[]): void {
    for (const p of planned) this.count(p.doc, p.previousId, new Map(p.resolution.speakers.map((s) => [s.label, s.role])));
  }

  withChapters(doc: ParsedDocument, replaces: number | null, roles?: ReadonlyMap<string, SpeakerRole>): ParsedDocument {
    this.count(doc, replaces, roles);
    return this.chapters(doc);
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
