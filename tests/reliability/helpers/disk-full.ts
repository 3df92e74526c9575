import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isRoot, smallDisk } from './mounts';
import { longTranscript } from './transcripts';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A database filled by an import that ran out of space. As root (CI) the
 * database sits on a 3 MB tmpfs that fills up (ENOSPC); otherwise the import
 * runs under a 3 MB file-size limit with SIGXFSZ ignored, so its writes past
 * it fail with EFBIG: another I/O error, met the same way. First a small
 * folder imports whole (and its index is published), then a folder of 150
 * transcripts runs into the wall.
 */
export function fillDisk(dir: string): { db: string; mechanism: string; small: string; big: string; first: CliRun; second: CliRun; cleanup: () => void } {
  const small = path.join(dir, 'small');
  const big = path.join(dir, 'big');
  fs.mkdirSync(small, { recursive: true });
  fs.mkdirSync(big, { recursive: true });
  for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(small, `story-${i}.md`), longTranscript(i, 30));
  for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(big, `story-${String(i).padStart(3, '0')}.md`), longTranscript(100 + i, 60));
  const disk = path.join(dir, 'disk');
  const unmount = isRoot ? smallDisk(disk, '3m') : (fs.mkdirSync(disk, { recursive: true }), () => {});
  const db = path.join(disk, 'ladder.db');
  const cli = (folder: string): CliRun => {
    const args = ['npx', 'tsx', '--conditions=react-server', 'scripts/ladder.ts', 'import', folder, '--db', db, '--json'].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    const limit = isRoot ? '' : 'trap "" XFSZ; ulimit -f 3072; ';
    const r = spawnSync('bash', ['-c', `${limit}exec ${args}`], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const first = cli(small);
  const second = cli(big);
  return { db, mechanism: isRoot ? 'a full 3 MB tmpfs (ENOSPC)' : 'a 3 MB file-size limit (EFBIG)', small, big, first, second, cleanup: unmount };
}
