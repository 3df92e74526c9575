import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * A folder the importer cannot write to, holding a copy of a database and its
 * published index. As root (CI) it is a tmpfs remounted read-only, which nothing
 * can write, root included (EROFS); otherwise the copy's folder and files lose
 * their write permission (EACCES), which binds every user but root.
 */
export function readOnlyCopy(db: string, into: string): { db: string; mechanism: 'read-only mount' | 'no write permission'; cleanup: () => void } {
  fs.mkdirSync(into, { recursive: true });
  // room for the copy and its index, whatever the archive's size
  const link = `${db}.search`;
  const indexBytes = fs.existsSync(link) ? dirBytes(fs.realpathSync(link)) : 0;
  const sizeMb = Math.ceil(((fs.statSync(db).size + indexBytes) * 1.5) / 2 ** 20) + 16;
  if (isRoot) execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', into]);
  const copy = path.join(into, path.basename(db));
  // a consistent copy whatever the live database's write-ahead log holds, as a backup would make it
  const source = new Database(db, { readonly: true, fileMustExist: true });
  try {
    source.exec(`VACUUM INTO '${copy.replace(/'/g, "''")}'`);
  } catch (err) {
    if (isRoot) unmount(into);
    throw err;
  } finally {
    source.close();
  }
  if (fs.existsSync(link)) {
    const target = fs.realpathSync(link);
    fs.cpSync(target, path.join(into, path.basename(target)), { recursive: true });
    fs.symlinkSync(path.basename(target), `${copy}.search`);
  }
  if (isRoot) {
    execFileSync('mount', ['-o', 'remount,ro', into]);
    return { db: copy, mechanism: 'read-only mount', cleanup: () => unmount(into) };
  }
  const lock = (mode: number) => {
    for (const f of fs.readdirSync(into, { recursive: true }) as string[]) {
      const p = path.join(into, f);
      if (!fs.lstatSync(p).isSymbolicLink()) fs.chmodSync(p, fs.statSync(p).isDirectory() ? mode | 0o111 : mode);
    }
    fs.chmodSync(into, mode | 0o111);
  };
  lock(0o444);
  return { db: copy, mechanism: 'no write permission', cleanup: () => lock(0o755) };
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? dirBytes(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size;
  return total;
}

/** A small tmpfs (root only): a disk that fills up. */
export function smallDisk(at: string, size: string): () => void {
  fs.mkdirSync(at, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at]);
  return () => unmount(at);
}

function unmount(at: string): void {
  try {
    execFileSync('umount', [at]);
  } catch {
    // something still holds a file open: detach it now, it goes when released
    execFileSync('umount', ['-l', at]);
  }
}
