import { chooseBoundaries, DEFAULT_BOUNDARY_OPTIONS, scoreCandidates, type BoundaryOptions } from './boundaries';
import { measureCohesion } from './cohesion';
import { prepareDocument, type PreparedDocument, type Unit } from './prepare';
import type { TermStats } from './terms';
import { titleChapters } from './titles';
import type { ChapterInput, GeneratedChapter } from './types';

export interface GenerateOptions extends BoundaryOptions {
  /** width of each side of the cohesion comparison, in seconds of speech */
  windowSeconds: number;
}

export const DEFAULT_GENERATE_OPTIONS: GenerateOptions = { ...DEFAULT_BOUNDARY_OPTIONS, windowSeconds: 60 };

/** Speech runs at about 150 words a minute: the length of a last turn with no time after it. */
const WORDS_PER_SECOND = 2.5;

/**
 * Chapters for a document whose source has none: the first at 0:00, then one
 * every few minutes at the turn starts where the talk moves on, each titled with
 * what it is about. Returns [] when the document has no times or is too short
 * for two chapters.
 */
export function generateChapters(input: ChapterInput, stats: TermStats, opts: Partial<GenerateOptions> = {}): GeneratedChapter[] {
  return generateFromPrepared(prepareDocument(input, stats), stats, opts);
}

export function generateFromPrepared(doc: PreparedDocument, stats: TermStats, options: Partial<GenerateOptions> = {}): GeneratedChapter[] {
  const opts = { ...DEFAULT_GENERATE_OPTIONS, ...options };
  const span = spanSeconds(doc);
  if (span === null) return [];
  const count = Math.round(span / opts.targetSeconds);
  if (count < 2) return [];
  const weight = new Float64Array(doc.vocab.length);
  for (let i = 0; i < weight.length; i++) weight[i] = stats.idf(doc.vocab[i]!);
  const window = Math.max(20, Math.round((doc.terms.length / span) * opts.windowSeconds));
  // TextTiling compares plain term counts: weighting by rarity lets words said once swamp the vectors
  // (measured on the hidden-chapter set: WindowDiff 0.39 with idf weights, 0.34 with counts, at 60 s windows)
  const counts = new Float64Array(doc.vocab.length).fill(1);
  const cohesion = measureCohesion(doc, counts, window);
  const candidates = scoreCandidates(doc.units, cohesion, questioners(doc.units), span, opts);
  let chosen: ReturnType<typeof chooseBoundaries> = [];
  for (let k = count; k >= 2 && chosen.length === 0; k--) chosen = chooseBoundaries(candidates, k, span, opts);
  // a long stretch without a place to cut (one long monologue): allow longer chapters
  for (let k = count; k >= 2 && chosen.length === 0; k--) chosen = chooseBoundaries(candidates, k, span, opts, span);
  const starts = [0, ...chosen.map((c) => c.unit)];
  const titles = titleChapters(doc, stats, weight, starts);
  return starts.map((u, i) => {
    const unit = doc.units[u]!;
    return {
      title: titles[i]!,
      startSeconds: i === 0 ? 0 : Math.floor(unit.startSeconds!),
      segmentIndex: unit.first,
      estimated: i === 0 ? false : unit.estimated,
      generated: true,
    };
  });
}

/** From 0 to the stated duration, or to the end of the last timed turn; null without times. */
export function spanSeconds(doc: PreparedDocument): number | null {
  let last: Unit | null = null;
  let wordsAfter = 0;
  for (const u of doc.units) {
    if (u.startSeconds !== null) {
      last = u;
      wordsAfter = 0;
    }
    wordsAfter += u.words;
  }
  if (!last) return null;
  const spoken = last.startSeconds! + wordsAfter / WORDS_PER_SECOND;
  return Math.max(doc.input.durationSeconds ?? 0, spoken);
}

/**
 * Who asks the questions. The hosts when roles are known; otherwise, in a
 * conversation, the one speaker whose turns are questions far more often than
 * anyone else's (an interviewer), or nobody.
 */
export function questioners(units: readonly Unit[]): Set<string> {
  const hosts = new Set(units.filter((u) => u.role === 'host' && u.speaker !== null).map((u) => u.speaker!));
  if (hosts.size > 0) return hosts;
  const asked = new Map<string, { turns: number; questions: number }>();
  for (const u of units) {
    if (u.speaker === null || u.kind !== 'speech' || u.role === 'voice' || u.role === 'pseudo') continue;
    const a = asked.get(u.speaker) ?? { turns: 0, questions: 0 };
    a.turns++;
    if (u.question) a.questions++;
    asked.set(u.speaker, a);
  }
  const rates = [...asked.entries()].filter(([, a]) => a.turns >= 3).map(([name, a]) => ({ name, rate: a.questions / a.turns }));
  if (rates.length < 2) return new Set();
  rates.sort((a, b) => b.rate - a.rate);
  return rates[0]!.rate >= 0.3 && rates[0]!.rate >= 2 * rates[1]!.rate ? new Set([rates[0]!.name]) : new Set();
}
