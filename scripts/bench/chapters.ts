/**
 * `npm run bench` section "chapters": how well generated chapters match the ones
 * people wrote, and what generating them costs on the Changelog archive.
 *
 * Quality: the documents whose chapters come from their source (the corpus
 * interviews) are parsed, their chapters hidden, and chapters generated; the
 * boundaries are compared with the hidden ones (precision, recall and F1 within
 * ±30 s, Pk, WindowDiff) beside two baselines in the same run: evenly spaced
 * chapters of the same count, and one every 5 minutes. Titles are printed beside
 * the source's, to be read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evenBoundaries, periodicBoundaries, scoreBoundaries, type BoundaryScores } from '@/lib/chapters/evaluate';
import { generateFromPrepared, spanSeconds } from '@/lib/chapters/generate';
import { applyGeneratedChapters, chapterInputOf } from '@/lib/chapters/parsed';
import { prepareDocument } from '@/lib/chapters/prepare';
import { TermStats } from '@/lib/chapters/terms';
import { parseSource } from '@/lib/ingest/parse-source';
import { formatTimestamp } from '@/lib/text/time';
import { hideChapters, type HiddenChapters } from './chapter-eval';
import type { BenchSection } from './sections';
import { table } from './stats';

const SHARED = path.resolve(__dirname, '..', '..', '..', 'shared');
const CORPUS = path.join(SHARED, 'corpus');
const CHANGELOG = path.join(SHARED, 'real', 'changelog');
const CONTENT = path.resolve(__dirname, '..', '..', 'content');
const TOLERANCE = 30;
/** Speech runs at 130–170 words a minute; well under that, a transcript is a summary or a sketch. */
const MIN_WORDS_PER_MINUTE = 80;

function files(dir: string, ext = /\.(txt|md|vtt|srt|json)$/): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => ext.test(f) && !/\.chapters\.json$|SOURCE\.md$|LICENSE/.test(f) && fs.statSync(f).isFile())
    .sort();
}

interface Row {
  name: string;
  span: number;
  reference: number;
  generated: number;
  scores: { generated: BoundaryScores; even: BoundaryScores; every5: BoundaryScores };
}

function pooled(rows: readonly Row[], pick: (r: Row) => BoundaryScores): BoundaryScores {
  // precision and recall over all boundaries together; Pk and WindowDiff weighted by duration
  let hits = 0, hypotheses = 0, references = 0, pk = 0, wd = 0, span = 0;
  for (const r of rows) {
    const s = pick(r);
    hits += s.hits;
    hypotheses += s.hypotheses;
    references += s.references;
    pk += s.pk * r.span;
    wd += s.windowDiff * r.span;
    span += r.span;
  }
  const precision = hypotheses > 0 ? hits / hypotheses : 0;
  const recall = references > 0 ? hits / references : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pk: pk / span, windowDiff: wd / span, hits, hypotheses, references };
}

function fmt(s: BoundaryScores): string[] {
  return [s.precision, s.recall, s.f1, s.pk, s.windowDiff].map((x) => x.toFixed(3));
}

function quality(): boolean {
  const hidden = [...files(CORPUS), ...files(CONTENT)].map(hideChapters).filter((h): h is HiddenChapters => h !== null);
  // the archive the titles are weighed against: the evaluated documents and the Changelog archive, as Ladder parses them today
  const stats = new TermStats();
  const t0 = performance.now();
  for (const file of files(CHANGELOG, /\.md$/)) {
    const parsed = parseSource({ bytes: fs.readFileSync(file), fileName: path.basename(file) });
    if (parsed.kind === 'document') stats.addDocument(prepareDocument(chapterInputOf(parsed.doc), stats).vocab);
  }
  const prepared = hidden.map((h) => prepareDocument(chapterInputOf(h.doc), stats));
  for (const p of prepared) stats.addDocument(p.vocab);
  console.log(`archive for the weights: ${stats.docs} documents (read in ${((performance.now() - t0) / 1000).toFixed(1)} s, not timed below)`);

  const rows: Row[] = [];
  const detail: string[] = [];
  const lengths: number[] = [];
  hidden.forEach((h, i) => {
    const p = prepared[i]!;
    const span = spanSeconds(p);
    const chapters = generateFromPrepared(p, stats);
    if (span === null || chapters.length === 0) {
      console.log(`${path.basename(h.file)}: no chapters generated (too short or untimed), not scored`);
      return;
    }
    // a sample whose text is a sketch of its stated duration (a few lines for 48 minutes) says nothing about boundaries
    const words = p.units.reduce((n, u) => n + u.words, 0);
    if (words / (span / 60) < MIN_WORDS_PER_MINUTE) {
      console.log(`${path.basename(h.file)}: ${Math.round(words / (span / 60))} words a minute, not a whole transcript; not scored`);
      return;
    }
    const starts = [0, ...h.reference];
    lengths.push(...starts.map((t, k) => (starts[k + 1] ?? span) - t));
    const hyp = chapters.slice(1).map((c) => c.startSeconds);
    rows.push({
      name: path.basename(h.file),
      span,
      reference: h.reference.length + 1,
      generated: chapters.length,
      scores: {
        generated: scoreBoundaries(h.reference, hyp, span, TOLERANCE),
        even: scoreBoundaries(h.reference, evenBoundaries(chapters.length, span), span, TOLERANCE),
        every5: scoreBoundaries(h.reference, periodicBoundaries(300, span), span, TOLERANCE),
      },
    });
    const doc = applyGeneratedChapters(h.doc, p, stats);
    detail.push(`\n${path.basename(h.file)} — source chapters | generated`);
    const n = Math.max(h.titles.length, doc.chapters.length);
    for (let k = 0; k < n; k++) {
      const src = k < h.titles.length ? `${formatTimestamp(k === 0 ? 0 : h.reference[k - 1]!)} ${h.titles[k]}` : '';
      const gen = doc.chapters[k] ? `${formatTimestamp(doc.chapters[k]!.startSeconds!)} ${doc.chapters[k]!.title}` : '';
      detail.push(`  ${src.padEnd(52)} | ${gen}`);
    }
  });
  const sorted = [...lengths].sort((a, b) => a - b);
  const mean = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  console.log(
    `human chapters in the scored documents: ${lengths.length}, length min ${formatTimestamp(sorted[0] ?? 0)}, median ${formatTimestamp(sorted[Math.floor(sorted.length / 2)] ?? 0)}, mean ${formatTimestamp(mean)}, max ${formatTimestamp(sorted.at(-1) ?? 0)}`,
  );
  const header = ['document / method', 'chapters', 'P', 'R', 'F1', 'Pk', 'WindowDiff'];
  const out: string[][] = [];
  for (const r of rows) {
    out.push([`${r.name} (${formatTimestamp(r.span)}, ${r.reference} source chapters)`, '', '', '', '', '', '']);
    out.push(['  generated', String(r.generated), ...fmt(r.scores.generated)]);
    out.push(['  evenly spaced, same count', String(r.generated), ...fmt(r.scores.even)]);
    out.push(['  every 5 minutes', String(Math.ceil(r.span / 300)), ...fmt(r.scores.every5)]);
  }
  const all = { generated: pooled(rows, (r) => r.scores.generated), even: pooled(rows, (r) => r.scores.even), every5: pooled(rows, (r) => r.scores.every5) };
  out.push(['all (pooled boundaries; Pk/WD by duration)', '', '', '', '', '', '']);
  out.push(['  generated', '', ...fmt(all.generated)]);
  out.push(['  evenly spaced, same count', '', ...fmt(all.even)]);
  out.push(['  every 5 minutes', '', ...fmt(all.every5)]);
  console.log(`\nboundaries within ±${TOLERANCE} s (the first chapter, at the start, is not counted)\n${table(header, out)}`);
  console.log(detail.join('\n'));
  const f1 = all.generated.f1 >= 0.5;
  const wd = all.generated.windowDiff <= 0.75 * all.even.windowDiff;
  console.log(`\ntargets:\n  ${f1 ? 'PASS' : 'FAIL'}  boundary F1 ≥ 0.5 at ±${TOLERANCE} s (${all.generated.f1.toFixed(3)})`);
  console.log(`  ${wd ? 'PASS' : 'FAIL'}  WindowDiff ≥ 25% lower than evenly spaced (${all.generated.windowDiff.toFixed(3)} vs ${all.even.windowDiff.toFixed(3)}: ${((1 - all.generated.windowDiff / all.even.windowDiff) * 100).toFixed(0)}% lower)`);
  return f1 && wd;
}

function timing(): void {
  const paths = files(CHANGELOG, /\.md$/);
  if (paths.length === 0) {
    console.log('\n../shared/real/changelog not found: no timing');
    return;
  }
  const clock = () => ({ wall: performance.now(), cpu: process.cpuUsage() });
  const since = (from: ReturnType<typeof clock>) => {
    const cpu = process.cpuUsage(from.cpu);
    return { wall: performance.now() - from.wall, cpu: (cpu.user + cpu.system) / 1000 };
  };
  let t = clock();
  const parsed = paths.map((f) => parseSource({ bytes: fs.readFileSync(f), fileName: path.basename(f) }));
  const parse = since(t);
  const inputs = parsed.flatMap((p) => (p.kind === 'document' ? [chapterInputOf(p.doc)] : []));
  const stats = new TermStats();
  t = clock();
  const prepared = inputs.map((input) => prepareDocument(input, stats));
  for (const p of prepared) stats.addDocument(p.vocab);
  const prepare = since(t);
  t = clock();
  let chapters = 0;
  let withChapters = 0;
  let long = 0;
  for (const p of prepared) {
    const made = generateFromPrepared(p, stats).length;
    chapters += made;
    if (made > 0) withChapters++;
    if ((spanSeconds(p) ?? 0) > 600) long++;
  }
  const generate = since(t);
  const total = { wall: prepare.wall + generate.wall, cpu: prepare.cpu + generate.cpu };
  const s = (x: number) => (x / 1000).toFixed(2);
  console.log(
    `\nChangelog archive, ${paths.length} files: ${withChapters} documents got ${chapters} chapters (${long} run longer than 10 minutes); load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs\n` +
      table(
        ['step', 'wall s', 'CPU s'],
        [
          ['baseline: parseSource of the same files (what the import already spends)', s(parse.wall), s(parse.cpu)],
          ['tokens and archive term frequencies', s(prepare.wall), s(prepare.cpu)],
          ['boundaries and titles (incl. loading the tagger)', s(generate.wall), s(generate.cpu)],
          ['chapter generation in all', s(total.wall), s(total.cpu)],
        ],
      ),
  );
  console.log(`  ${total.wall <= 2000 ? 'PASS' : 'FAIL'}  generating chapters adds ≤ 2 s to the archive's import (${s(total.wall)} s wall, ${s(total.cpu)} s CPU)`);
}

export const chaptersSection: BenchSection = {
  name: 'chapters',
  async run() {
    // BENCH_CHAPTERS=quality or =timing runs one half
    const part = process.env.BENCH_CHAPTERS;
    // timing first, while the tagger is not loaded and its word cache empty, as in an import
    if (part !== 'quality') timing();
    if (part !== 'timing') quality();
  },
};
