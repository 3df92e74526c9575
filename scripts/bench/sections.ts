
/**
 * The benchmark's sections besides the synthetic search run in scripts/bench.ts.
 * `BENCH_ONLY=synthetic,real` picks sections by name; without it every section runs.
 */
import { chaptersSection } from './chapters';
import { momentsBench } from './moments';
import { realArchiveBench } from './real-archive';
import { searchRealSection } from './search-real';
import { limitsSection } from './limits';
import { topicsBench } from './topics';

export interface BenchSection {
  name: string;
  /** prints its own figures, each beside the baseline it is measured against */
  run(): Promise<void>;
}

export const benchSections: BenchSection[] = [realArchiveBench, topicsBench, chaptersSection, momentsBench, searchRealSection, limitsSection];

export function wanted(name: string): boolean {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  return !only || only.length === 0 || only.includes(name);
}
