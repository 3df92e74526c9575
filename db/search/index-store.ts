import { buildIndex, type Built } from '@/lib/search/build';
import { SearchEngine } from '@/lib/search/engine';
import type { LadderDb } from '../client';
import { resolveIndexDir } from '../config';
import { publishedTarget, readIndexDir, readIndexDirAsync, type LoadedFiles } from './index-files';
import { readArchiveId, readArchiveVersion, readContentVersion, readIndexSource } from './records';

/**
 * Who builds, writes and loads the search index.
 *
 * - The importer builds it from the committed rows and publishes it beside the
 *   database with one atomic swap (db/import/search-hook.ts); it is the only writer.
 * - The server never builds or writes one (`getServingIndex`): it loads what was
 *   published, in steps that give way to requests, and keeps answering from the
 *   index it has until the new one is whole. An index may therefore be older than
 *   the rows it is enriched from; segment ids are never reused (AUTOINCREMENT),
 *   so a hit whose row has gone is simply left out. With nothing published,
 *   search answers with a note instead (db/search/no-index.ts).
 * - Tools (`ladder search`, the benchmark, tests) read it synchronously with
 *   `getSearchIndex`, and build one in memory when what is published is stale.
 */
export interface LoadedIndex {
  dbPath: string;
  archiveId: string;
  contentVersion: string;
  builtAt: string;
  engine: SearchEngine;
  /** read from the published files, or built in memory from SQLite */
  origin: 'disk' | 'built';
  /** the published version folder it came from; null when built in memory */
  target: string | null;
}

interface ServingState {
  current: LoadedIndex | null;
  /** the database's archive version as last read, and when */
  version: string | null;
  versionAt: number;
  loading: Promise<void> | null;
  checkedAt: number;
  /** a published folder that failed to load (or belongs to another database): not tried again until the link moves */
  rejected: string | null;
  /** whether "nothing published" was already logged for the current state */
  saidMissing: boolean;
}

/** How often a server looks at the index link for a new publication (one realpath call). */
export const CHECK_INTERVAL_MS = 250;

// kept on globalThis so Next's dev reloads (and its separate route bundles) share one copy
const g = globalThis as unknown as { ladderSearchIndexes?: Map<string, LoadedIndex>; ladderServingIndexes?: Map<string, ServingState> };
const toolCache = (g.ladderSearchIndexes ??= new Map());
const serving = (g.ladderServingIndexes ??= new Map());

function servingState(dbPath: string): ServingState {
  let st = serving.get(dbPath);
  if (!st) serving.set(dbPath, (st = { current: null, version: null, versionAt: 0, loading: null, checkedAt: 0, rejected: null, saidMissing: false }));
  return st;
}

/**
 * The server's index: whatever was published last and has finished loading, or
 * null when nothing usable is published (search answers with a note). Only the
 * very first call of a process waits, for the first load; later publications
 * load in the background while this keeps returning the previous index.
 */
export async function getServingIndex(ladderDb: LadderDb): Promise<LoadedIndex | null> {
  const st = servingState(ladderDb.path);
  checkPublication(ladderDb, st);
  if (!st.current && st.loading) await st.loading;
  return st.current;
}

/**
 * How often a server reads the content version for its caches. An import commits
 * every document on its own, dozens a second: emptying the page and response
 * caches on each commit made every request a render during an import. Read at
 * most this often, they turn over at most once a second, and show a commit at
 * most this much later.
 */
let versionSampleMs = 1_000;

/** For tests that bump the version and look at once. */
export function setVersionSampleMs(ms: number): void {
  versionSampleMs = ms;
  for (const st of serving.values()) st.version = null;
}

/**
 * What cached responses and pages depend on: the database's content version
 * (read at most every versionSampleMs) and the index being served (a newly
 * loaded one counts at once). Either changing empties those caches.
 */
export function servingVersion(ladderDb: LadderDb): string {
  const st = servingState(ladderDb.path);
  checkPublication(ladderDb, st);
  const now = Date.now();
  if (st.version === null || now - st.versionAt >= versionSampleMs) {
    st.version = readArchiveVersion(ladderDb);
    st.versionAt = now;
  }
  return `${st.version}\n${st.current?.target ?? 'no index'}`;
}

function checkPublication(ladderDb: LadderDb, st: ServingState): void {
  const now = Date.now();
  if (st.loading || now - st.checkedAt < CHECK_INTERVAL_MS) return;
  st.checkedAt = now;
  const dir = resolveIndexDir(ladderDb.path);
  const target = publishedTarget(dir);
  if (target !== null && (target === st.current?.target || target === st.rejected)) return;
  if (target === null) {
    if (!st.current && !st.saidMissing) console.warn(`[search] no index published at ${dir}: search is unavailable until an import publishes one`);
    st.saidMissing = true;
    return;
  }
  st.loading = loadPublished(ladderDb, st, target).finally(() => {
    st.loading = null;
  });
}

async function loadPublished(ladderDb: LadderDb, st: ServingState, target: string): Promise<void> {
  try {
    const files = await readIndexDirAsync(target);
    const archiveId = readArchiveId(ladderDb);
    if (files.archiveId !== archiveId) throw new Error(`built from another database (archive ${files.archiveId || 'unknown'}; this one is ${archiveId})`);
    st.current = fromFiles(ladderDb.path, files);
    st.rejected = null;
    st.saidMissing = false;
  } catch (err) {
    st.rejected = target;
    const still = st.current ? 'still serving the index loaded before' : 'search is unavailable meanwhile';
    console.warn(`[search] index ${target} not loaded: ${err instanceof Error ? err.message : String(err)}; ${still}`);
  }
}

function fromFiles(dbPath: string, files: LoadedFiles): LoadedIndex {
  return {
    dbPath,
    archiveId: files.archiveId,
    contentVersion: files.contentVersion,
    builtAt: files.builtAt,
    engine: new SearchEngine(files.store),
    origin: 'disk',
    target: files.target,
  };
}

/**
 * For tools: the published index when it matches the database, else one built
 * in memory from SQLite (with a note on stderr), never written to disk.
 */
export function getSearchIndex(ladderDb: LadderDb): LoadedIndex {
  const version = readContentVersion(ladderDb);
  const archiveId = readArchiveId(ladderDb);
  const cached = toolCache.get(ladderDb.path);
  if (cached && cached.contentVersion === version && cached.archiveId === archiveId) return cached;
  const dir = resolveIndexDir(ladderDb.path);
  let reason: string;
  if (publishedTarget(dir) === null) reason = 'missing';
  else {
    try {
      const files = readIndexDir(dir);
      if (files.archiveId === archiveId && files.contentVersion === version) return remember(fromFiles(ladderDb.path, files));
      reason =
        files.archiveId !== archiveId
          ? `built from another database (archive ${files.archiveId || 'unknown'}; this one is ${archiveId})`
          : `stale (built from content_version ${files.contentVersion}, database is at ${version})`;
    } catch (err) {
      reason = `unreadable (${err instanceof Error ? err.message : String(err)})`;
    }
  }
  console.warn(`[search] index ${dir} is ${reason}: building one in memory (an import publishes it)`);
  const { built, contentVersion } = buildFromDb(ladderDb);
  return remember({
    dbPath: ladderDb.path,
    archiveId,
    contentVersion,
    builtAt: new Date().toISOString(),
    engine: new SearchEngine(built.store),
    origin: 'built',
    target: null,
  });
}

function remember(loaded: LoadedIndex): LoadedIndex {
  toolCache.set(loaded.dbPath, loaded);
  return loaded;
}

/** Forget loaded indexes (tests; a process that swaps databases). */
export function clearSearchIndexCache(): void {
  toolCache.clear();
  serving.clear();
}

/** Exposed for the benchmark, which times building and writing separately. */
export function buildFromDb(ladderDb: LadderDb, opts: { heads?: boolean } = {}): { built: Built; contentVersion: string } {
  // one read transaction: both passes over the segments see the same snapshot
  return ladderDb.sqlite.transaction(() => {
    const source = readIndexSource(ladderDb);
    return { built: buildIndex(source.catalog, source.segments(), { heads: opts.heads }), contentVersion: source.contentVersion };
  })();
}
