/** A worker thread of the import: runs the jobs of db/import/jobs.ts that the pool sends it. */
import { parentPort } from 'node:worker_threads';
import { loadTermStats, parseJobKeeping, reshapeJob, type ParseInput, type ReshapeInput } from './jobs';

type Request =
  | { id: number; kind: 'parse'; input: ParseInput }
  | { id: number; kind: 'reshape'; input: ReshapeInput }
  | { id: number; kind: 'terms'; input: { entries: [string, number][]; docs: number; keep: string[] } };

parentPort!.on('message', (req: Request) => {
  try {
    let result: unknown = null;
    if (req.kind === 'parse') result = parseJobKeeping(req.input);
    else if (req.kind === 'reshape') result = reshapeJob(req.input);
    else loadTermStats(req.input.entries, req.input.docs, req.input.keep);
    parentPort!.postMessage({ id: req.id, result });
  } catch (err) {
    parentPort!.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) });
  }
});
