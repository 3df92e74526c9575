import type { EvalArchive } from './archive';
import { topicsSection } from './topics';

/**
 * One part of `npm run eval`: a labelled set judged against Ladder and, in the
 * same run, against a baseline (FTS5, the previous method, a simple heuristic).
 * `EVAL_ONLY=topics,search` picks sections by name.
 */
export interface EvalSection {
  name: string;
  /** prints its table; returns false when a target is missed (the run then exits 1) */
  run(archive: EvalArchive): Promise<boolean>;
}

export const evalSections: EvalSection[] = [topicsSection];

export function wanted(name: string): boolean {
  const only = process.env.EVAL_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  return !only || only.length === 0 || only.includes(name);
}
