/**
 * Career-moment extraction on the real archive: every file of ../shared/real/changelog
 * and ../shared/corpus parsed and reshaped as the importer does (not timed), then the
 * extraction alone timed over all of them, beside a floor measured in the same run:
 * one regular-expression pass over the same text (counting its words).
 */
import fs from 'node:fs';
import path from 'node:path';
import { currentCareerData } from '@/db/career-data';
import { loadTaxonomy } from '@/db/import/topics';
import { extractMoments } from '@/lib/careers/extract';
import { parseSource } from '@/lib/ingest/parse-source';
import { reshapeDocument, type DocumentRows } from '@/lib/ingest/reshape';
import type { BenchSection } from './sections';

const SHARED = path.resolve(process.cwd(), '..', 'shared');

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return /\.(md|txt)$/.test(e.name) && !/^(SOURCE|README|LICENSE)/.test(e.name) ? [full] : [];
  });
}

function best(runs: number, fn: () => number): { ms: number; result: number } {
  let ms = Infinity;
  let result = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, result };
}

async function run(): Promise<void> {
  const taxonomy = loadTaxonomy();
  const docs: DocumentRows[] = [];
  for (const file of [...files(path.join(SHARED, 'corpus')), ...files(path.join(SHARED, 'real', 'changelog'))]) {
    try {
      const source = parseSource({ bytes: fs.readFileSync(file), fileName: path.basename(file) });
      if (source.kind === 'document') docs.push(reshapeDocument(source.doc, { path: file, hash: '' }, taxonomy));
    } catch {
      // a file the importer refuses is not part of the figure
    }
  }
  const chars = docs.reduce((n, d) => n + d.segments.reduce((m, s) => m + s.text.length, 0), 0);
  const withGuests = docs.filter((d) => d.people.some((p) => p.role === 'guest')).length;
  const data = currentCareerData();
  extractMoments(docs[0]!, data);
  const moments = best(3, () => docs.reduce((n, d) => n + extractMoments(d, data).length, 0));
  const floor = best(3, () => docs.reduce((n, d) => n + d.segments.reduce((m, s) => m + (s.text.match(/\S+/g)?.length ?? 0), 0), 0));
  console.log(`moments: ${docs.length} documents (${withGuests} with a guest), ${(chars / 1e6).toFixed(1)} M characters of segments`);
  console.log(`  extraction         ${moments.ms.toFixed(0).padStart(6)} ms   ${moments.result} moments`);
  console.log(`  floor (one regex)  ${floor.ms.toFixed(0).padStart(6)} ms   ${floor.result} words counted`);
  console.log(`  extraction / floor ${(moments.ms / floor.ms).toFixed(2)}×`);
}

export const momentsBench: BenchSection = { name: 'moments', run };
