/**
 * `BENCH_ONLY=limits npm run bench`: parsing the inputs that used to be
 * quadratic or to blow the stack, at n and at 2n, beside a floor (decoding the
 * same bytes and splitting them into lines). Linear work doubles with n; the
 * figures before the fix (issue 11) were 2.1 / 14.5 / 162 s for a chapters.json
 * of 10k / 50k / 200k chapters.
 */
import { applyChapters } from '@/lib/ingest/chapters-sidecar';
import { mergeCues } from '@/lib/ingest/cues';
import { parseSource } from '@/lib/ingest/parse-source';
import type { ParsedChapter, ParsedDocument } from '@/lib/ingest/types';
import type { BenchSection } from './sections';
import { table } from './stats';

const clock = (s: number) => [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, '0')).join(':');
const FRONT = '---\nshow: Bench Pod\nguest: Noor Haddad\nhost: Jordan Blake\ntitle: Many\n---\n';

interface Case {
  name: string;
  /** the input at size n (bytes for the floor, and the work to time) */
  make(n: number): { bytes: Buffer; run: () => unknown };
  sizes: [number, number];
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  try {
    fn();
  } catch {
    // a refusal is the expected outcome of some cases: it is timed the same
  }
  return performance.now() - t0;
}

const cases: Case[] = [
  {
    name: 'chapters as ### headings (refused past 2,000)',
    sizes: [100_000, 200_000],
    make: (n) => {
      const bytes = Buffer.from(FRONT + Array.from({ length: n }, (_, i) => `### C${i}\nJordan ${clock(i)}:\n\nT${i}.\n`).join('\n'));
      return { bytes, run: () => parseSource({ bytes, fileName: 'many.md' }) };
    },
  },
  {
    name: 'sidecar chapters applied to segments',
    sizes: [100_000, 200_000],
    make: (n) => {
      const doc: ParsedDocument = { format: 'x', kind: 'episode', title: 't', people: [], chapters: [], warnings: [], segments: Array.from({ length: n }, (_, i) => ({ chapterIndex: null, speaker: 'A', startSeconds: i + 0.5, estimated: false, text: 'x' })) };
      const chapters: ParsedChapter[] = Array.from({ length: n }, (_, i) => ({ title: `c${i}`, startSeconds: i, endSeconds: null, estimated: false }));
      return { bytes: Buffer.from(JSON.stringify(chapters)), run: () => applyChapters(doc, chapters) };
    },
  },
  {
    name: 'cues of one speaker without punctuation, merged',
    sizes: [100_000, 200_000],
    make: (n) => {
      const cues = Array.from({ length: n }, (_, i) => ({ start: i, speaker: 'Ana', text: `word ${i} here` }));
      return { bytes: Buffer.from(cues.map((c) => c.text).join('\n')), run: () => mergeCues(cues) };
    },
  },
  {
    name: 'one line of prose, split into segments',
    sizes: [7_500_000, 15_000_000],
    make: (n) => {
      const sentence = 'The calibration meeting ran long and the promo packet went in anyway. ';
      const bytes = Buffer.from(`Wall of text\n\n${sentence.repeat(Math.ceil(n / sentence.length))}`);
      return { bytes, run: () => parseSource({ bytes, fileName: 'wall.txt' }) };
    },
  },
];

export const limitsSection: BenchSection = {
  name: 'limits',
  async run() {
    const header = ['input', 'n', 'parse', 'floor', '2n', 'parse', 'floor', 'parse 2n / n'];
    const rows: string[][] = [];
    for (const c of cases) {
      const [a, b] = c.sizes.map((n) => {
        const { bytes, run } = c.make(n);
        const floor = time(() => new TextDecoder().decode(bytes).split('\n'));
        time(run); // warm the code paths
        return { n, ms: Math.min(time(run), time(run)), floor };
      });
      rows.push([c.name, a!.n.toLocaleString('en'), `${a!.ms.toFixed(0)} ms`, `${a!.floor.toFixed(0)} ms`, b!.n.toLocaleString('en'), `${b!.ms.toFixed(0)} ms`, `${b!.floor.toFixed(0)} ms`, (b!.ms / a!.ms).toFixed(2)]);
    }
    console.log('\nLimits and linear work (parsing only; a ratio near 2 is linear):');
    console.log(table(header, rows));
  },
};
