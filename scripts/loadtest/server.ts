import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface Server {
  url: string;
  /** the process group of `next start` and its workers */
  pgid: number;
  stop(): Promise<void>;
  output(): string;
}

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * `next start` on 127.0.0.1 in its own process group, so stopping it takes the
 * whole tree (next forks workers) and nothing is left listening.
 */
export async function startServer(opts: { port: number; dbPath: string; readyPath: string; timeoutMs?: number }): Promise<Server> {
  const url = `http://127.0.0.1:${opts.port}`;
  // something already listening would answer the readiness probe and be measured instead
  const busy = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(() => true, () => false);
  if (busy) throw new Error(`port ${opts.port} is already in use; set LOADTEST_PORT`);
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-H', '127.0.0.1', '-p', String(opts.port)], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, LADDER_DB: opts.dbPath, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
  const server: Server = { url, pgid: child.pid!, stop: () => stop(child), output: () => log };
  const until = Date.now() + (opts.timeoutMs ?? 60_000);
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(url + opts.readyPath, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.stop();
  throw new Error(`server not ready after ${opts.timeoutMs ?? 60_000} ms:\n${log}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // the group is already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
  // next may leave forked workers behind its main process: end the rest of the group
  signal('SIGKILL');
}
