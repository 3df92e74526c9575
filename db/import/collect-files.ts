import fs from 'node:fs';
import path from 'node:path';
import { folderShowName } from '@/lib/ingest/episode-number';
import { FOLDER_SIDECAR_NAMES } from '@/lib/ingest/folder-sidecar';

export interface SourceFile {
  path: string;
  /** the folder it was found under, or null when it was named directly */
  root: string | null;
  metaPath: string | null;
  chaptersPath: string | null;
  /** show.yaml files of the folders above it, farthest first */
  folderSidecars: string[];
  /** the show its folder stands for (shared file-name stem, or a subfolder's name) */
  folderShow: string | null;
}

export interface CollectResult {
  files: SourceFile[];
  warnings: { file: string; message: string }[];
}

const SIDE_SUFFIXES = ['.meta.yaml', '.meta.yml', '.chapters.json'];

function sidecarSuffix(name: string): string | undefined {
  return SIDE_SUFFIXES.find((s) => name.toLowerCase().endsWith(s));
}

function isSidecar(name: string): boolean {
  const lower = name.toLowerCase();
  return sidecarSuffix(name) !== undefined || FOLDER_SIDECAR_NAMES.includes(lower);
}

const stemOf = (name: string) => (name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name);

/**
 * Sidecars in one folder that no file there claims (sidecarFor matches a
 * sidecar to a file by stem or by whole name): they would be ignored without a
 * word, so they are named in a warning.
 */
function orphanSidecars(dir: string, names: readonly string[], isMain: (name: string) => boolean): { file: string; message: string }[] {
  const claims = new Set<string>();
  for (const n of names) if (isMain(n)) claims.add(n).add(stemOf(n));
  return names.flatMap((n) => {
    const suffix = sidecarSuffix(n);
    if (!suffix || claims.has(n.slice(0, n.length - suffix.length))) return [];
    return [{ file: path.join(dir, n), message: `sidecar with no main file beside it (expected ${n.slice(0, n.length - suffix.length)}.<ext>); ignored` }];
  });
}

/** A repository's own papers (licence, readme, provenance) describe the archive; they are not part of it. */
const REPOSITORY_FILE = /^(?:licen[cs]e|copying|notice|readme|authors|contributing|code_of_conduct|security|source)(?:\.[a-z]+)?$/i;

function sidecarFor(file: string, suffixes: string[]): string | null {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  for (const name of [stem, base]) {
    for (const suffix of suffixes) {
      const candidate = path.join(dir, name + suffix);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * Every importable file under the given folders and files, sorted, sidecars
 * attached to their documents. Hidden files are skipped; a symlink loop is
 * reported once and not followed.
 */
export function collectFiles(inputs: string[]): CollectResult {
  const files: SourceFile[] = [];
  const warnings: CollectResult['warnings'] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  const addFile = (file: string, root: string | null, folder: { sidecars: string[]; show: string | null }) => {
    const abs = path.resolve(file);
    if (seenFiles.has(abs)) return;
    seenFiles.add(abs);
    files.push({
      path: abs,
      root,
      metaPath: sidecarFor(abs, ['.meta.yaml', '.meta.yml']),
      chaptersPath: sidecarFor(abs, ['.chapters.json']),
      folderSidecars: folder.sidecars,
      folderShow: folder.show,
    });
  };

  const walk = (dir: string, root: string, outer: string[]) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (err) {
      warnings.push({ file: dir, message: `cannot read folder: ${(err as NodeJS.ErrnoException).code ?? err}` });
      return;
    }
    if (seenDirs.has(real)) {
      warnings.push({ file: dir, message: 'folder already visited (a symlink loop or a second link to it); not followed again' });
      return;
    }
    seenDirs.add(real);
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    const own = entries.find((e) => FOLDER_SIDECAR_NAMES.includes(e.name.toLowerCase()) && e.isFile());
    const sidecars = own ? [...outer, path.join(dir, own.name)] : outer;
    const docs: string[] = [];
    const folders: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(full);
      } catch (err) {
        warnings.push({ file: full, message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? err}` });
        continue;
      }
      if (stat.isDirectory()) folders.push(full);
      else if (!stat.isFile() || isSidecar(entry.name)) continue;
      else if (REPOSITORY_FILE.test(entry.name)) warnings.push({ file: full, message: 'a repository file (licence, readme, provenance), not a transcript; skipped' });
      else docs.push(full);
    }
    const mains = new Set(docs.map((f) => path.basename(f)));
    for (const w of orphanSidecars(dir, entries.filter((e) => !e.name.startsWith('.')).map((e) => e.name), (n) => mains.has(n))) warnings.push(w);
    const show = folderShowName(docs.map((f) => path.basename(f)), dir === root ? null : path.basename(dir));
    for (const full of docs) addFile(full, root, { sidecars, show });
    for (const full of folders) walk(full, root, sidecars);
  };

  for (const input of inputs) {
    const abs = path.resolve(input);
    if (!fs.existsSync(abs)) {
      warnings.push({ file: abs, message: 'no such file or folder' });
      continue;
    }
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) walk(abs, abs, []);
    // a sidecar is read with its main file; named alone it would be imported as a document of its own
    else if (stat.isFile() && isSidecar(path.basename(abs))) warnings.push({ file: abs, message: 'a sidecar: name its main file (or the folder) to import it; ignored' });
    // a FIFO or device named directly would block or never end when read
    else if (stat.isFile()) addFile(abs, null, { sidecars: folderSidecarsAbove(abs), show: null });
    else warnings.push({ file: abs, message: 'not a regular file; skipped' });
  }
  return { files, warnings };
}

/** The show.yaml beside a file named on its own (a folder's sidecar applies to the files in it). */
function folderSidecarsAbove(file: string): string[] {
  return FOLDER_SIDECAR_NAMES.map((name) => path.join(path.dirname(file), name)).filter((p) => fs.existsSync(p));
}
