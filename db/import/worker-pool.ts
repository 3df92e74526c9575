/**
 * Worker threads for a large import: parsing and shaping documents is pure CPU
 * work and the machine has two cores, so it runs on both while this thread
 * decides across the archive and writes SQLite. The workers load the TypeScript
 * sources through tsx (a dev dependency every install has); where a worker
 * cannot start, the same jobs run in this process.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseJob, reshapeJob, type ParseInput, type ParseOutput, type ReshapeInput } from './jobs';
import type { DocumentRows } from '@/lib/ingest/reshape';

type Job = { kind: 'parse'; input: ParseInput } | { kind: 'reshape'; input: ReshapeInput };
type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export interface JobRunner {
  parse(input: ParseInput): Promise<ParseOutput>;
  reshape(input: ReshapeInput): Promise<DocumentRows>;
  close(): Promise<void>;
}

/** In this process: for small imports, and wherever workers cannot run. */
export const inProcess: JobRunner = {
  parse: async (input) => parseJob(input),
  reshape: async (input) => reshapeJob(input),
  close: async () => {},
};

const ENTRY = path.join(__dirname, 'worker-entry.ts');

export class WorkerPool implements JobRunner {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending & { worker: number }>();
  private next = 0;
  private failed: Error | null = null;

  constructor(size = Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length))) {
    const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(ENTRY)});`;
    for (let i = 0; i < size; i++) {
      const w = new Worker(boot, { eval: true });
      w.on('message', (m: { id: number; result?: unknown; error?: string }) => this.settle(m));
      w.on('error', (err) => this.fail(err));
      this.workers.push(w);
      this.load.push(0);
    }
  }

  parse(input: ParseInput): Promise<ParseOutput> {
    return this.run({ kind: 'parse', input }) as Promise<ParseOutput>;
  }

  reshape(input: ReshapeInput): Promise<DocumentRows> {
    return this.run({ kind: 'reshape', input }) as Promise<DocumentRows>;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private run(job: Job): Promise<unknown> {
    if (this.failed) return Promise.reject(this.failed);
    // the least busy worker takes it: documents differ a hundredfold in size
    let worker = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i]! < this.load[worker]!) worker = i;
    const id = this.next++;
    const weight = job.kind === 'parse' ? job.input.bytes.length : job.input.doc.segments.length * 400;
    this.load[worker]! += weight;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        worker,
        resolve: (v) => {
          this.load[worker]! -= weight;
          resolve(v);
        },
        reject,
      });
      this.workers[worker]!.postMessage({ id, ...job });
    });
  }

  private settle(m: { id: number; result?: unknown; error?: string }): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.result);
  }

  private fail(err: Error): void {
    this.failed = err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
