import fs from 'node:fs';
import path from 'node:path';

export interface SourceFile {
  path: string;
  /** the folder it was found under, or null when it was named directly */
  root: string | null;
  metaPath: string | null;
  chaptersPath: string | null;
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
  return sidecarSuffix(name) !== undefined;
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

  const addFile = (file: string, root: string | null) => {
    const abs = path.resolve(file);
    if (seenFiles.has(abs)) return;
    seenFiles.add(abs);
    files.push({
      path: abs,
      root,
      metaPath: sidecarFor(abs, ['.meta.yaml', '.meta.yml']),
      chaptersPath: sidecarFor(abs, ['.chapters.json']),
    });
  };

  const walk = (dir: string, root: string) => {
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
    const mains = new Set<string>();
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
      if (stat.isDirectory()) walk(full, root);
      else if (stat.isFile() && !isSidecar(entry.name)) {
        mains.add(entry.name);
        addFile(full, root);
      }
    }
    for (const w of orphanSidecars(dir, entries.filter((e) => !e.name.startsWith('.')).map((e) => e.name), (n) => mains.has(n))) warnings.push(w);
  };

  for (const input of inputs) {
    const abs = path.resolve(input);
    if (!fs.existsSync(abs)) {
      warnings.push({ file: abs, message: 'no such file or folder' });
      continue;
    }
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) walk(abs, abs);
    // a sidecar is read with its main file; named alone it would be imported as a document of its own
    else if (stat.isFile() && isSidecar(abs)) warnings.push({ file: abs, message: 'a sidecar: name its main file (or the folder) to import it; ignored' });
    // a FIFO or device named directly would block or never end when read
    else if (stat.isFile()) addFile(abs, null);
    else warnings.push({ file: abs, message: 'not a regular file; skipped' });
  }
  return { files, warnings };
}
