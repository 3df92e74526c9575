import type { DocumentRows } from '@/lib/ingest/reshape';
import type { LadderDb } from '../client';
import type { PlannedDocument } from './archive-step';
import { summarise } from './file-records';
import type { ImportReport } from './report';
import { inProcess, WorkerPool, type JobRunner } from './worker-pool';
import { writeDocuments } from './write-document';

/** Workers pay off once there is enough to parse: each loads the parsers anew. */
export function jobRunner(files: number): JobRunner {
  if (files < 24 || process.env.LADDER_IMPORT_WORKERS === '0') return inProcess;
  try {
    return new WorkerPool();
  } catch {
    return inProcess;
  }
}

export interface BatchContext {
  ladder: LadderDb;
  topicIds: ReadonlyMap<string, number>;
  now: string;
  writtenIds: Map<string, number>;
  report: ImportReport;
  fail: (file: string, hash: string, err: unknown) => void;
  progress: (line: string) => void;
}

/**
 * One transaction for the batch; when it fails, each document on its own, so
 * the rest still land. Returns whether anything was written.
 */
export function writeBatch(ctx: BatchContext, ready: { p: PlannedDocument; rows: DocumentRows }[]): boolean {
  const { ladder, topicIds, now } = ctx;
  let written: { id: number; slug: string }[] | null = null;
  try {
    written = writeDocuments(ladder, ready.map((r) => r.rows), topicIds, now);
  } catch {
    // one of them broke the batch
  }
  let any = false;
  ready.forEach(({ p, rows }, i) => {
    try {
      const w = written?.[i] ?? writeDocuments(ladder, [rows], topicIds, now)[0]!;
      ctx.writtenIds.set(p.file.path, w.id);
      const doc = summarise(ladder, w.id, p.file.path, p.previousId === null ? 'imported' : 'updated');
      ctx.report.documents.push(doc);
      any = true;
      ctx.progress(`${doc.status.padEnd(9)} ${doc.format.padEnd(22)} ${p.file.path} → ${doc.slug}`);
    } catch (err) {
      ctx.fail(p.file.path, p.hash, err);
    }
  });
  return any;
}

/** Up to 32 documents or about 4 MB of text per transaction. */
export function* batches(list: readonly PlannedDocument[]): Generator<PlannedDocument[]> {
  let batch: PlannedDocument[] = [];
  let bytes = 0;
  for (const p of list) {
    batch.push(p);
    for (const s of p.doc.segments) bytes += s.text.length;
    if (batch.length >= 32 || bytes >= 4_000_000) {
      yield batch;
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield batch;
}
