import type { EvalArchive } from './archive';
import { baselineMoments, labelKey, matches, readExpected, readLabels, storedMoments, type Expected, type JudgedMoment } from './moments-judge';
import type { EvalSection } from './sections';

const PRECISION_TARGET = 0.9;
const RECALL_TARGET = 0.8;

const ratio = (n: number, d: number) => (d === 0 ? 'n/a' : `${(n / d).toFixed(2)} (${n}/${d})`);
const pad = (s: string, n: number) => s.padEnd(n);
const show = (m: JudgedMoment) =>
  `${m.file}#${m.turn ?? '-'} ${m.kind}${m.company ? ` @${m.company}` : ''}${m.to ? ` ${m.from ?? '?'}→${m.to}` : ''}${m.year ? ` ${m.year}` : ''}`;

interface CorpusScore {
  right: number;
  total: number;
  found: number;
  counted: number;
  foundAll: number;
  wrong: JudgedMoment[];
  missed: Expected[];
}

function scoreCorpus(moments: JudgedMoment[], expected: Expected[]): CorpusScore {
  const wrong = moments.filter((m) => !expected.some((e) => matches(m, e)));
  const hit = (e: Expected) => moments.some((m) => matches(m, e));
  const missed = expected.filter((e) => !hit(e));
  return {
    right: moments.length - wrong.length,
    total: moments.length,
    found: expected.filter((e) => e.counts && hit(e)).length,
    counted: expected.filter((e) => e.counts).length,
    foundAll: expected.length - missed.length,
    wrong,
    missed,
  };
}

/** Precision and recall against the corpus interviews read by hand; precision on the judged Changelog episodes. */
async function run(archive: EvalArchive): Promise<boolean> {
  const expected = readExpected();
  const corpusFiles = [...new Set(expected.map((e) => e.file))];
  const ladder = scoreCorpus(storedMoments(archive.ladder, corpusFiles), expected);
  const base = scoreCorpus(baselineMoments(archive.ladder, corpusFiles), expected);
  console.log(`corpus: ${corpusFiles.length} interviews, ${expected.length} moments written down by reading, ${ladder.counted} of them promotions or company moves`);
  console.log(`  ${pad('', 18)}${pad('precision', 16)}${pad('recall (promotions, moves)', 30)}recall (all kinds)`);
  for (const [name, s] of [['Ladder', ladder], ['keyword baseline', base]] as const) {
    console.log(`  ${pad(name, 18)}${pad(ratio(s.right, s.total), 16)}${pad(ratio(s.found, s.counted), 30)}${ratio(s.foundAll, expected.length)}`);
  }
  for (const m of ladder.wrong) console.log(`    wrong: ${show(m)}`);
  for (const e of ladder.missed) console.log(`    missed: ${e.file}#${e.turns.join('/')} ${e.kind}${e.company ? ` @${e.company}` : ''} (${e.note})`);

  const { files, labels } = readLabels();
  const judged = new Map(labels.map((l) => [labelKey({ ...l, file: l.file }), l]));
  const real = storedMoments(archive.ladder, files);
  const byLabel = real.map((m) => judged.get(labelKey(m)));
  const right = byLabel.filter((l) => l?.right).length;
  const judgedCount = byLabel.filter(Boolean).length;
  const unjudged = real.filter((_, i) => !byLabel[i]);
  const episodes = new Set(real.map((m) => m.file)).size;
  console.log(`real archive: ${files.length} Changelog episodes whose moments are judged by reading (${labels.length} judgements)`);
  if (real.length === 0) {
    console.log('  no moments stored for them: the archive is not parsed into speakers and turns (the Changelog dialect); n/a');
  } else {
    console.log(`  ${pad('Ladder', 18)}precision ${ratio(right, judgedCount)} over ${real.length} moments in ${episodes} episodes, ${unjudged.length} not judged yet`);
    for (const m of unjudged) console.log(`    not judged: ${show(m)}`);
  }
  const baseReal = baselineMoments(archive.ladder, files);
  const near = (m: JudgedMoment, right: boolean) => labels.some((l) => l.right === right && l.file === m.file && l.turn === m.turn && l.kind === m.kind);
  const baseRight = baseReal.filter((m) => near(m, true)).length;
  const baseWrong = baseReal.filter((m) => near(m, false)).length;
  console.log(
    `  ${pad('keyword baseline', 18)}${baseReal.length} moments: ${baseRight} where a judged-right moment is, ${baseWrong} where a judged-wrong one is, ${baseReal.length - baseRight - baseWrong} never judged (precision ≤ ${ratio(baseRight, baseReal.length)})`,
  );

  const corpusOk = ladder.total > 0 && ladder.right / ladder.total >= PRECISION_TARGET && ladder.found / ladder.counted >= RECALL_TARGET;
  const realOk = real.length === 0 || (unjudged.length === 0 && right / judgedCount >= PRECISION_TARGET);
  console.log(`targets: precision ≥ ${PRECISION_TARGET} on the corpus and the judged episodes, recall ≥ ${RECALL_TARGET} of the corpus's promotions and moves, every moment judged → ${corpusOk && realOk ? 'met' : 'MISSED'}`);
  return corpusOk && realOk;
}

export const momentsSection: EvalSection = { name: 'moments', run };
