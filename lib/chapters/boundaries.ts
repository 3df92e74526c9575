import type { Cohesion } from './cohesion';
import type { Unit } from './prepare';

/** Tuning of the boundary search; the defaults are what the bench's evaluation was run with. */
export interface BoundaryOptions {
  /** a chapter is never shorter than this (seconds) */
  minSeconds: number;
  /** the length people give chapters, which sets their number (seconds) */
  targetSeconds: number;
  /** how strongly lengths are pulled toward the target (log-squared penalty) */
  lengthWeight: number;
  /** weights of the interview cues, in standard deviations of the lexical score */
  afterBreak: number;
  hostQuestion: number;
  shortExchange: number;
  guestOpens: number;
}

export const DEFAULT_BOUNDARY_OPTIONS: BoundaryOptions = {
  minSeconds: 60,
  targetSeconds: 300,
  lengthWeight: 0.6,
  afterBreak: 2.5,
  hostQuestion: 0.9,
  shortExchange: 0.8,
  guestOpens: 0.4,
};

export interface Candidate {
  unit: number;
  seconds: number;
  score: number;
}

/** Words a turn needs before it counts as an answer rather than a quick reply. */
const SHORT_TURN = 25;

/**
 * Scores every turn start that could open a chapter. The lexical part is
 * TextTiling's depth: how far similarity dips below the highest points within a
 * window on either side, so a valley counts by its depth, not by the level of
 * the episode's vocabulary. Interview cues add to it: speech resuming after a
 * break, a host's question that brings new words; a quick back-and-forth and a
 * guest carrying on count against.
 */
export function scoreCandidates(units: readonly Unit[], cohesion: Cohesion, questioners: ReadonlySet<string>, spanSeconds: number, opts: BoundaryOptions): Candidate[] {
  const { sim, novelty } = cohesion;
  const open: number[] = [];
  for (let u = 1; u < units.length; u++) {
    const unit = units[u]!;
    if (unit.kind !== 'speech' || unit.startSeconds === null) continue;
    if (unit.startSeconds < opts.minSeconds || spanSeconds - unit.startSeconds < opts.minSeconds) continue;
    open.push(u);
  }
  const depth = open.map((u, i) => {
    const s = Number.isNaN(sim[u]!) ? 1 : sim[u]!;
    const t = units[u]!.startSeconds!;
    let hl = s;
    let hr = s;
    // the highest similarity within a target-length-ish reach on each side
    const reach = opts.targetSeconds / 2;
    for (let j = i - 1; j >= 0 && t - units[open[j]!]!.startSeconds! <= reach; j--) hl = Math.max(hl, value(sim[open[j]!]!));
    for (let j = i + 1; j < open.length && units[open[j]!]!.startSeconds! - t <= reach; j++) hr = Math.max(hr, value(sim[open[j]!]!));
    return hl - s + (hr - s);
  });
  const mean = depth.reduce((a, b) => a + b, 0) / Math.max(1, depth.length);
  const sd = Math.sqrt(depth.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, depth.length)) || 1;
  return open.map((u, i) => {
    const unit = units[u]!;
    const prev = units[u - 1]!;
    const next = units[u + 1];
    let score = (depth[i]! - mean) / sd;
    if (prev.kind !== 'speech') score += opts.afterBreak;
    else {
      const asks = unit.question && unit.speaker !== null && questioners.has(unit.speaker);
      if (asks) score += opts.hostQuestion * (0.5 + novelty[u]!);
      else if (unit.speaker !== null && questioners.size > 0) score -= opts.guestOpens;
      const quick = prev.words < SHORT_TURN && (!next || next.words < SHORT_TURN);
      if (quick) score -= opts.shortExchange;
    }
    return { unit: u, seconds: unit.startSeconds!, score };
  });
}

function value(s: number): number {
  return Number.isNaN(s) ? 1 : s;
}

/**
 * Picks `count - 1` boundaries among the candidates: the set with the highest
 * total score, lengths pulled toward the target and never under the minimum.
 * Dynamic programming over the best candidates only (a few per chapter wanted),
 * so an episode costs O(count × kept²) with kept small.
 */
export function chooseBoundaries(candidates: readonly Candidate[], count: number, spanSeconds: number, opts: BoundaryOptions): Candidate[] {
  if (count <= 1 || candidates.length === 0) return [];
  const keep = Math.max(count * 6, 40);
  const kept = [...candidates]
    .sort((a, b) => b.score - a.score)
    .slice(0, keep)
    .sort((a, b) => a.seconds - b.seconds);
  const points = [{ unit: 0, seconds: 0, score: 0 }, ...kept];
  const m = points.length;
  const lengthCost = (len: number) => (len < opts.minSeconds ? Number.NEGATIVE_INFINITY : -opts.lengthWeight * Math.log(len / opts.targetSeconds) ** 2);
  const chapters = Math.min(count, m);
  // best[k][j]: best total with point j opening chapter k (0-based), chapter 0 opening at point 0
  let best = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);
  best[0] = 0;
  const from: Int32Array[] = [];
  for (let k = 1; k < chapters; k++) {
    const next = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);
    const back = new Int32Array(m).fill(-1);
    for (let j = k; j < m; j++) {
      for (let i = k - 1; i < j; i++) {
        if (best[i] === Number.NEGATIVE_INFINITY) continue;
        const v = best[i]! + lengthCost(points[j]!.seconds - points[i]!.seconds) + points[j]!.score;
        if (v > next[j]!) {
          next[j] = v;
          back[j] = i;
        }
      }
    }
    from.push(back);
    best = next;
  }
  let end = -1;
  let endValue = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < m; j++) {
    if (best[j] === Number.NEGATIVE_INFINITY) continue;
    const v = best[j]! + lengthCost(spanSeconds - points[j]!.seconds);
    if (v > endValue) {
      endValue = v;
      end = j;
    }
  }
  if (end <= 0) return [];
  const chosen: Candidate[] = [];
  for (let k = chapters - 1, j = end; k >= 1 && j > 0; k--) {
    chosen.push(points[j]!);
    j = from[k - 1]![j]!;
  }
  return chosen.reverse();
}
