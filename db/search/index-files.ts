import fs from 'node:fs';
import path from 'node:path';
import { packArrays, SegmentStore, unpackArrays, type PackedLayout, type StoreMeta } from '@/lib/search/store';
import type { Built } from '@/lib/search/build';

/**
 * The index on disk: the store (one binary file of typed arrays plus its JSON
 * half) and a manifest written last. A folder without a readable, matching
 * manifest is treated as missing.
 */
export const INDEX_FORMAT = 6;

interface Manifest {
  format: number;
  contentVersion: string;
  builtAt: string;
  segments: number;
  store: { layout: PackedLayout; metaBytes: number };
}

export interface LoadedFiles {
  store: SegmentStore;
  contentVersion: string;
  builtAt: string;
}

/**
 * Writes a new versioned sibling folder, then points `dir` (a symlink) at it with
 * one rename, which POSIX makes atomic: a reader sees the old index or the new
 * one, never a half-written or missing one.
 */
export function writeIndexDir(dir: string, built: Built, contentVersion: string): { bytes: number } {
  const stamp = `${process.pid}-${Date.now()}`;
  const version = `${dir}.v-${stamp}`;
  const link = `${dir}.link-${stamp}`;
  fs.mkdirSync(version, { recursive: true });
  try {
    const { buffer, layout } = packArrays(built.store.a);
    fs.writeFileSync(path.join(version, 'store.bin'), buffer);
    const metaJson = JSON.stringify(built.store.meta);
    fs.writeFileSync(path.join(version, 'store.json'), metaJson);
    const manifest: Manifest = {
      format: INDEX_FORMAT,
      contentVersion,
      builtAt: new Date().toISOString(),
      segments: built.store.n,
      store: { layout, metaBytes: Buffer.byteLength(metaJson) },
    };
    fs.writeFileSync(path.join(version, 'manifest.json'), JSON.stringify(manifest, null, 1));
    fs.symlinkSync(path.basename(version), link);
    // an index folder from before versioned swaps cannot be replaced by a rename: move it aside once
    if (fs.existsSync(dir) && !fs.lstatSync(dir).isSymbolicLink()) fs.renameSync(dir, `${dir}.v-legacy-${stamp}`);
    fs.renameSync(link, dir);
    return { bytes: dirBytes(version) };
  } catch (err) {
    fs.rmSync(version, { recursive: true, force: true });
    throw err;
  } finally {
    fs.rmSync(link, { force: true });
    sweepLeftovers(dir);
  }
}

/** Reads and checks an index folder; throws with the reason when it is missing or damaged. */
export function readIndexDir(linkOrDir: string): LoadedFiles {
  // resolve the link once so every file comes from the same version even if a swap happens meanwhile
  const dir = fs.realpathSync(linkOrDir);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== INDEX_FORMAT) throw new Error(`index format ${manifest.format}, expected ${INDEX_FORMAT}`);
  const metaJson = fs.readFileSync(path.join(dir, 'store.json'), 'utf8');
  if (Buffer.byteLength(metaJson) !== manifest.store.metaBytes) throw new Error('store.json has the wrong size');
  const meta = JSON.parse(metaJson) as StoreMeta;
  const arrays = unpackArrays(fs.readFileSync(path.join(dir, 'store.bin')), manifest.store.layout);
  if (meta.n !== manifest.segments || arrays.segmentId.length !== meta.n) throw new Error('store does not match the manifest');
  return { store: new SegmentStore(meta, arrays), contentVersion: manifest.contentVersion, builtAt: manifest.builtAt };
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
