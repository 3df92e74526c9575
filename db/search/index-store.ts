import fs from 'node:fs';
import { buildIndex, type Built } from '@/lib/search/build';
import { SearchEngine } from '@/lib/search/engine';
import type { LadderDb } from '../client';
import { resolveIndexDir } from '../config';
import { readIndexDir, writeIndexDir } from './index-files';
import { readContentVersion, readIndexSource } from './records';

/**
 * One loaded index per database file per process. Every search first compares the
 * database's content_version with the one the index was built from (one indexed
 * read); a stale, missing or damaged index is rebuilt from SQLite with a warning,
 * never an error for the request.
 */
export interface LoadedIndex {
  dbPath: string;
  contentVersion: string;
  builtAt: string;
  engine: SearchEngine;
  /** how this process got it: read from disk, or built from SQLite */
  origin: 'disk' | 'built';
}

// kept on globalThis so Next's dev reloads do not load a second copy
const g = globalThis as unknown as { ladderSearchIndexes?: Map<string, LoadedIndex> };
const cache = (g.ladderSearchIndexes ??= new Map());

export function getSearchIndex(ladderDb: LadderDb): LoadedIndex {
  const version = readContentVersion(ladderDb);
  const cached = cache.get(ladderDb.path);
  if (cached && cached.contentVersion === version) return cached;
  const loaded = loadOrRebuild(ladderDb, version);
  cache.set(ladderDb.path, loaded);
  return loaded;
}

/** The importer calls this after a committed run: rebuilds when forced or when the files on disk are not current. */
export function ensureSearchIndex(opts: { ladderDb: LadderDb; force?: boolean }): LoadedIndex {
  const version = readContentVersion(opts.ladderDb);
  if (!opts.force) {
    const cached = cache.get(opts.ladderDb.path);
    if (cached && cached.contentVersion === version) return cached;
    const fromDisk = tryRead(opts.ladderDb, version, false);
    if (fromDisk) return remember(fromDisk);
  }
  return remember(rebuild(opts.ladderDb));
}

/** Builds the index from SQLite, writes it beside the database, and makes it this process's index. */
export function rebuildSearchIndex(opts: { ladderDb: LadderDb }): LoadedIndex {
  return remember(rebuild(opts.ladderDb));
}

/** Forget loaded indexes (tests; a process that swaps databases). */
export function clearSearchIndexCache(): void {
  cache.clear();
}

function remember(loaded: LoadedIndex): LoadedIndex {
  cache.set(loaded.dbPath, loaded);
  return loaded;
}

function loadOrRebuild(ladderDb: LadderDb, version: string): LoadedIndex {
  return tryRead(ladderDb, version, true) ?? rebuild(ladderDb);
}

function tryRead(ladderDb: LadderDb, version: string, warn: boolean): LoadedIndex | null {
  const dbPath = ladderDb.path;
  const dir = resolveIndexDir(dbPath);
  let reason: string;
  if (!fs.existsSync(dir)) reason = 'missing';
  else {
    try {
      const files = readIndexDir(dir);
      const mismatch = files.contentVersion === version ? otherDatabase(ladderDb, files.store.a.segmentId) : null;
      if (files.contentVersion === version && !mismatch) {
        return { dbPath, contentVersion: version, builtAt: files.builtAt, engine: new SearchEngine(files.store), origin: 'disk' };
      }
      reason = mismatch ?? `stale (built from content_version ${files.contentVersion}, database is at ${version})`;
    } catch (err) {
      reason = `unreadable (${err instanceof Error ? err.message : String(err)})`;
    }
  }
  if (warn) console.warn(`[search] index ${dir} is ${reason}: rebuilding from SQLite`);
  return null;
}

/**
 * A database recreated from scratch can reach the same content_version as the
 * one an index on disk was built from: the segment count and highest id tell
 * them apart (checked once per load, not per search).
 */
function otherDatabase(ladderDb: LadderDb, segmentIds: Int32Array): string | null {
  // only speech is indexed (records.ts)
  const row = ladderDb.sqlite.prepare(`SELECT count(*) AS n, coalesce(max(id), 0) AS maxId FROM segments WHERE kind = 'speech'`).get() as { n: number; maxId: number };
  let maxId = 0;
  for (const id of segmentIds) if (id > maxId) maxId = id;
  if (row.n === segmentIds.length && row.maxId === maxId) return null;
  return `built from other content (${segmentIds.length} segments up to id ${maxId}; the database has ${row.n} up to ${row.maxId})`;
}

/** Exposed for the benchmark, which times building and writing separately. */
export function buildFromDb(ladderDb: LadderDb): { built: Built; contentVersion: string } {
  // one read transaction: both passes over the segments see the same snapshot
  return ladderDb.sqlite.transaction(() => {
    const source = readIndexSource(ladderDb);
    return { built: buildIndex(source.catalog, source.segments()), contentVersion: source.contentVersion };
  })();
}

function rebuild(ladderDb: LadderDb): LoadedIndex {
  const { built, contentVersion } = buildFromDb(ladderDb);
  const dir = resolveIndexDir(ladderDb.path);
  try {
    writeIndexDir(dir, built, contentVersion);
  } catch (err) {
    // a read-only disk still gets a working (in-memory) index
    console.warn(`[search] could not write ${dir}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    dbPath: ladderDb.path,
    contentVersion,
    builtAt: new Date().toISOString(),
    engine: new SearchEngine(built.store),
    origin: 'built',
  };
}
