import fs from 'node:fs';
import { buildIndex, type Built } from '@/lib/search/build';
import { SearchEngine } from '@/lib/search/engine';
import { FlexView } from '@/lib/search/flex';
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
    const fromDisk = tryRead(opts.ladderDb.path, version, false);
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
  return tryRead(ladderDb.path, version, true) ?? rebuild(ladderDb);
}

function tryRead(dbPath: string, version: string, warn: boolean): LoadedIndex | null {
  const dir = resolveIndexDir(dbPath);
  let reason: string;
  if (!fs.existsSync(dir)) reason = 'missing';
  else {
    try {
      const files = readIndexDir(dir);
      if (files.contentVersion === version) {
        return { dbPath, contentVersion: version, builtAt: files.builtAt, engine: new SearchEngine(files.flex, files.store), origin: 'disk' };
      }
      reason = `stale (built from content_version ${files.contentVersion}, database is at ${version})`;
    } catch (err) {
      reason = `unreadable (${err instanceof Error ? err.message : String(err)})`;
    }
  }
  if (warn) console.warn(`[search] index ${dir} is ${reason}: rebuilding from SQLite`);
  return null;
}

/** Exposed for the benchmark, which times building and writing separately. */
export function buildFromDb(ladderDb: LadderDb): { built: Built; contentVersion: string } {
  // one read transaction: both passes over the segments see the same snapshot
  return ladderDb.sqlite.transaction(() => {
    const source = readIndexSource(ladderDb);
    return { built: buildIndex(source.catalog, source.segments), contentVersion: source.contentVersion };
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
    engine: new SearchEngine(new FlexView(built.flex), built.store),
    origin: 'built',
  };
}
