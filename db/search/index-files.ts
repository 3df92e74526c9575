import fs from 'node:fs';
import path from 'node:path';
import { packArrays, SegmentStore, viewArrays, type PackedLayout, type StoreMeta } from '@/lib/search/store';
import type { Built } from '@/lib/search/build';
import { HEADS_FILE, readAligned, readHeads, writeHeads } from './index-parts';

/**
 * The index on disk: the store (one binary file of typed arrays plus its JSON
 * half) and a manifest written last. A folder without a readable,
 * matching manifest is treated as missing.
 */
export const INDEX_FORMAT = 7;

interface Manifest {
  format: number;
  /** the database's meta.archive_id: an index only ever serves the database it was built from */
  archiveId: string;
  contentVersion: string;
  builtAt: string;
  segments: number;
  store: { layout: PackedLayout; metaBytes: number };
  /** the head lists' file (index-parts.ts), when the index has them */
  headBytes?: number;
}

export interface LoadedFiles {
  store: SegmentStore;
  archiveId: string;
  contentVersion: string;
  builtAt: string;
  /** the version folder the link pointed at when loading began */
  target: string;
}

/**
 * Writes a new versioned sibling folder, then points `dir` (a symlink) at it with
 * one rename, which POSIX makes atomic: a reader sees the old index or the new
 * one, never a half-written or missing one.
 */
export function writeIndexDir(dir: string, built: Built, contentVersion: string, archiveId = ''): { bytes: number; target: string } {
  const stamp = `${process.pid}-${Date.now()}`;
  const version = `${dir}.v-${stamp}`;
  const link = `${dir}.link-${stamp}`;
  fs.mkdirSync(version, { recursive: true });
  try {
    const { buffer, layout } = packArrays(built.store.a);
    fs.writeFileSync(path.join(version, 'store.bin'), buffer);
    const { heads, ...meta } = built.store.meta;
    const metaJson = JSON.stringify(meta);
    fs.writeFileSync(path.join(version, 'store.json'), metaJson);
    const headBytes = heads ? writeHeads(version, heads) : undefined;
    const manifest: Manifest = {
      format: INDEX_FORMAT,
      archiveId,
      contentVersion,
      builtAt: new Date().toISOString(),
      segments: built.store.n,
      store: { layout, metaBytes: Buffer.byteLength(metaJson) },
      headBytes,
    };
    fs.writeFileSync(path.join(version, 'manifest.json'), JSON.stringify(manifest, null, 1));
    fs.symlinkSync(path.basename(version), link);
    // an index folder from before versioned swaps cannot be replaced by a rename: move it aside once
    if (fs.existsSync(dir) && !fs.lstatSync(dir).isSymbolicLink()) fs.renameSync(dir, `${dir}.v-legacy-${stamp}`);
    fs.renameSync(link, dir);
    return { bytes: dirBytes(version), target: version };
  } catch (err) {
    fs.rmSync(version, { recursive: true, force: true });
    throw err;
  } finally {
    fs.rmSync(link, { force: true });
    sweepLeftovers(dir);
  }
}

/** The version folder the link points at now, or null when nothing is published. */
export function publishedTarget(linkOrDir: string): string | null {
  try {
    return fs.realpathSync(linkOrDir);
  } catch {
    return null;
  }
}

/**
 * Which database and content version the published index was built from, from
 * its manifest and the sizes of its files (cheap: no index is loaded); null
 * when it is missing, of another format, or a file is gone or of the wrong size.
 */
export function readPublishedIdentity(linkOrDir: string): { archiveId: string; contentVersion: string } | null {
  try {
    const dir = fs.realpathSync(linkOrDir);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    if (manifest.format !== INDEX_FORMAT) return null;
    const sizes: [string, number][] = [
      ['store.json', manifest.store.metaBytes],
      ['store.bin', manifest.store.layout.bytes],
      ...(manifest.headBytes === undefined ? [] : [[HEADS_FILE, manifest.headBytes] as [string, number]]),
    ];
    if (sizes.some(([file, bytes]) => fs.statSync(path.join(dir, file)).size !== bytes)) return null;
    return { archiveId: manifest.archiveId ?? '', contentVersion: manifest.contentVersion };
  } catch {
    return null;
  }
}

/** Reads and checks an index folder; throws with the reason when it is missing or damaged. */
export function readIndexDir(linkOrDir: string): LoadedFiles {
  const steps = loadSteps(linkOrDir);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The longest a loading slice may hold the event loop, and the shortest worth yielding after. */
export const SLICE_MS = { min: 8, max: 40 };

/**
 * The same, in slices that give way to other work (requests) between them, so a
 * server keeps answering while it loads a newly published index. A slice runs
 * steps (the store's halves) for
 * as long as the loop spent on other work since the last slice, within SLICE_MS:
 * when requests keep the loop busy the load still gets about half of it, and no
 * request waits behind more than one slice.
 */
export function readIndexDirAsync(linkOrDir: string): Promise<LoadedFiles> {
  return runInSlices(loadSteps(linkOrDir));
}

/** Runs a generator's steps in slices as described above, yielding to the event loop between slices. */
export async function runInSlices<T>(steps: Generator<void, T>): Promise<T> {
  let othersSince = performance.now();
  for (;;) {
    const start = performance.now();
    const budget = Math.min(SLICE_MS.max, Math.max(SLICE_MS.min, start - othersSince));
    do {
      const step = steps.next();
      if (step.done) return step.value;
    } while (performance.now() - start < budget);
    othersSince = performance.now();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function* loadSteps(linkOrDir: string): Generator<void, LoadedFiles> {
  // resolve the link once so every file comes from the same version even if a swap happens meanwhile
  const dir = fs.realpathSync(linkOrDir);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== INDEX_FORMAT) throw new Error(`index format ${manifest.format}, expected ${INDEX_FORMAT}`);
  const metaJson = fs.readFileSync(path.join(dir, 'store.json'), 'utf8');
  if (Buffer.byteLength(metaJson) !== manifest.store.metaBytes) throw new Error('store.json has the wrong size');
  const meta = JSON.parse(metaJson) as StoreMeta;
  yield;
  const arrays = viewArrays(yield* readAligned(path.join(dir, 'store.bin'), manifest.store.layout.bytes), manifest.store.layout);
  if (meta.n !== manifest.segments || arrays.segmentId.length !== meta.n) throw new Error('store does not match the manifest');
  yield;
  if (manifest.headBytes !== undefined) meta.heads = yield* readHeads(dir, manifest.headBytes);
  return {
    store: new SegmentStore(meta, arrays),
    archiveId: manifest.archiveId ?? '',
    contentVersion: manifest.contentVersion,
    builtAt: manifest.builtAt,
    target: dir,
  };
}

export function dirBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirBytes(p) : fs.statSync(p).size;
  }
  return total;
}

/**
 * Versions other than the current one are removed once they are a minute old
 * (a reader that resolved the old link a moment ago can still finish), as are
 * the leftovers of crashed builds.
 */
function sweepLeftovers(dir: string): void {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  let current = '';
  try {
    current = fs.realpathSync(dir);
  } catch {
    // no index yet: every version is a leftover
  }
  try {
    for (const name of fs.readdirSync(parent)) {
      if (!name.startsWith(`${base}.v-`) && !name.startsWith(`${base}.tmp-`) && !name.startsWith(`${base}.old-`) && !name.startsWith(`${base}.link-`)) continue;
      const p = path.join(parent, name);
      if (p === current) continue;
      if (Date.now() - fs.lstatSync(p).mtimeMs > 60_000) fs.rmSync(p, { recursive: true, force: true });
    }
  } catch {
    // best effort: a leftover folder wastes space, it breaks nothing
  }
}
