/**
 * Bench section "topics": tagging all of ../shared/real/changelog (parsed with the
 * real parser, then timed alone) with the one-pass tagger, beside a floor (reading
 * every character of the same text once) and the old regex-per-topic tagger on a
 * tenth of the documents (it takes minutes on all of them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseSource } from '@/lib/ingest/parse-source';
import type { ParsedDocument } from '@/lib/ingest/types';
import { parseTaxonomy } from '@/lib/topics/taxonomy';
import { tagDocument } from '@/lib/topics/tagger';
import { tagSegment } from '../eval/topics/baseline/tagger';
import { parseTaxonomy as parseOldTaxonomy } from '../eval/topics/baseline/taxonomy';
import type { BenchSection } from './sections';

const ARCHIVE = path.resolve(process.cwd(), '..', 'shared', 'real', 'changelog');

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return markdownFiles(p);
    return e.name.endsWith('.md') && e.name !== 'SOURCE.md' ? [p] : [];
  });
}

function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

async function run(): Promise<void> {
  if (!fs.existsSync(ARCHIVE)) {
    console.log(`topics: ${ARCHIVE} is not there; skipped`);
    return;
  }
  const docs: ParsedDocument[] = [];
  for (const file of markdownFiles(ARCHIVE).sort()) {
    const parsed = parseSource({ bytes: fs.readFileSync(file), fileName: path.basename(file), metaBytes: null, chaptersBytes: null });
    if (parsed.kind === 'document') docs.push(parsed.doc);
  }
  const segments = docs.reduce((n, d) => n + d.segments.length, 0);
  const chars = docs.reduce((n, d) => n + d.segments.reduce((m, s) => m + s.text.length, 0), 0);
  const taxonomy = parseTaxonomy(fs.readFileSync(path.join(process.cwd(), 'content', 'topics.yaml'), 'utf8'));
  const inputs = docs.map((d) => ({
    segments: d.segments.map((s) => ({ text: s.text, kind: s.kind ?? 'speech', role: null, chapter: s.chapterIndex })),
    chapters: d.chapters,
  }));
  let sink = 0;
  const floor = best(3, () => {
    for (const d of inputs) for (const s of d.segments) for (let i = 0; i < s.text.length; i++) sink += s.text.charCodeAt(i);
  });
  const ours = best(3, () => {
    for (const d of inputs) sink += tagDocument(d, taxonomy).document.length;
  });
  const old = parseOldTaxonomy(fs.readFileSync(path.join(process.cwd(), 'scripts', 'eval', 'topics', 'baseline', 'topics.yaml'), 'utf8'));
  const tenth = inputs.filter((_, i) => i % 10 === 0);
  const tenthChars = tenth.reduce((n, d) => n + d.segments.reduce((m, s) => m + s.text.length, 0), 0);
  const oldMs = best(1, () => {
    for (const d of tenth) for (const s of d.segments) sink += tagSegment(s.text, old).length;
  });
  const mbOf = (c: number) => (c * 2) / 1e6; // UTF-16 code units, as JavaScript holds them
  console.log(`topics: ${docs.length} documents, ${segments} segments, ${(chars / 1e6).toFixed(1)} M characters (sink ${sink % 7})`);
  console.log(`  floor: read every character once     ${floor.toFixed(0)} ms`);
  console.log(`  one-pass tagger, all documents        ${ours.toFixed(0)} ms  (${(ours / mbOf(chars)).toFixed(1)} ms per MB)`);
  console.log(
    `  old regex tagger, every 10th document ${oldMs.toFixed(0)} ms  (${(oldMs / mbOf(tenthChars)).toFixed(1)} ms per MB; all documents ≈ ${((oldMs * chars) / tenthChars / 1000).toFixed(1)} s)`,
  );
}

export const topicsBench: BenchSection = { name: 'topics', run };
