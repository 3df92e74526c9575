import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LADDER = ['tsx', '--conditions=react-server', 'scripts/ladder.ts'];

/**
 * The import CLI as its own process group (npx → tsx → node), so a test can
 * SIGKILL all of it at once by the group id, like a power cut.
 */
export function spawnImport(dir: string, db: string): ChildProcess {
  return spawn('npx', [...LADDER, 'import', dir, '--db', db], { cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export function runImportSync(dir: string, db: string): { status: number | null; stderr: string } {
  const r = spawnSync('npx', [...LADDER, 'import', dir, '--db', db], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  return { status: r.status, stderr: r.stderr };
}
