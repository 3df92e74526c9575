/** A worker thread of the import: runs the jobs of db/import/jobs.ts that the pool sends it. */
import { parentPort } from 'node:worker_threads';
import { parseJob, reshapeJob, type ParseInput, type ReshapeInput } from './jobs';

type Request = { id: number; kind: 'parse'; input: ParseInput } | { id: number; kind: 'reshape'; input: ReshapeInput };

parentPort!.on('message', (req: Request) => {
  try {
    const result = req.kind === 'parse' ? parseJob(req.input) : reshapeJob(req.input);
    parentPort!.postMessage({ id: req.id, result });
  } catch (err) {
    parentPort!.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) });
  }
});
