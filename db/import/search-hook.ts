import type { LadderDb } from '../client';
import { resolveIndexDir } from '../config';
import { readPublishedIdentity, writeIndexDir } from '../search/index-files';
import { buildFromDb } from '../search/index-store';
import { readArchiveId, readContentVersion } from '../search/records';

/**
 * The importer publishes the search index (db/search/index-store.ts): built from
 * the committed rows, written to a new folder, swapped in with one rename, so no
 * reader ever sees a half-written index or one newer than the database. Running
 * servers pick it up on their own, off the request path.
 *
 * Once after the run's last commit; during a very long run also now and then, so
 * what is already imported becomes searchable: never sooner than `minIntervalMs`
 * after the run began or after the last publication, and never more often than
 * keeps publishing under a fifth of the run's time (a publication of a large
 * archive takes seconds).
 *
 * A failure here never undoes the import: the database is the truth, servers keep
 * the index they have (or answer that search is not available yet), and the next run publishes
 * again. The failure comes back as a warning for the report.
 */
export class IndexPublisher {
  private last: number;
  private lastCost = 0;
  private published = false;
  /** a commit since the last publication */
  private dirty = false;

  constructor(
    private readonly ladder: LadderDb,
    private readonly opts: { minIntervalMs?: number; now?: () => number } = {},
  ) {
    this.last = this.now();
  }

  private now(): number {
    return this.opts.now?.() ?? performance.now();
  }

  /** Call after each commit of a run; publishes when it is time. Returns a warning, or null. */
  afterCommit(): string | null {
    this.dirty = true;
    const wait = Math.max(this.opts.minIntervalMs ?? 5_000, 4 * this.lastCost);
    if (this.now() - this.last < wait) return null;
    // an interim index serves for seconds: its head queries are ranked live rather than ahead (heads.ts)
    return this.publish(false);
  }

  /** Call once after the run's last commit. `changed`: whether the run committed anything. */
  finish(changed: boolean): string | null {
    if (this.published && !this.dirty) return null;
    if (!changed && !this.dirty && isPublishedIndexCurrent(this.ladder)) return null;
    return this.publish(true);
  }

  private publish(heads: boolean): string | null {
    const t0 = this.now();
    try {
      publishSearchIndex({ ladderDb: this.ladder, heads });
      this.published = true;
      this.dirty = false;
      return null;
    } catch (err) {
      return `search index not published (servers keep the index they have): ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      this.last = this.now();
      this.lastCost = this.last - t0;
    }
  }
}

/** Builds the index from the committed rows and publishes it with one atomic swap. */
export function publishSearchIndex(opts: { ladderDb: LadderDb; heads?: boolean }): { contentVersion: string; bytes: number; target: string; ms: number } {
  const t0 = performance.now();
  const { built, contentVersion } = buildFromDb(opts.ladderDb, { heads: opts.heads });
  const { bytes, target } = writeIndexDir(resolveIndexDir(opts.ladderDb.path), built, contentVersion, readArchiveId(opts.ladderDb));
  return { contentVersion, bytes, target, ms: performance.now() - t0 };
}

/** Whether the published index is whole and matches the database exactly (same archive, same content version). */
export function isPublishedIndexCurrent(ladderDb: LadderDb): boolean {
  const published = readPublishedIdentity(resolveIndexDir(ladderDb.path));
  return published !== null && published.archiveId === readArchiveId(ladderDb) && published.contentVersion === readContentVersion(ladderDb);
}
