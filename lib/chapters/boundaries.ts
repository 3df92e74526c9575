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
  hostQuestion: 0.4,
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
    // chapters start on whole seconds (as stored and linked), so lengths are measured in them too
    const at = Math.floor(unit.startSeconds);
    if (at < opts.minSeconds || Math.floor(spanSeconds) - at < opts.minSeconds) continue;
    // a link to the chapter is a whole second: it must not be the second the turn before also starts in
    const before = units[u - 1]!.lastStartSeconds;
    if (before !== null && Math.floor(before) >= at) continue;
    open.push(u);
  }
  const times = open.map((u) => Math.floor(units[u]!.startSeconds!));
  const sims = open.map((u) => (Number.isNaN(sim[u]!) ? 1 : sim[u]!));
  // the highest similarity within half a target length on each side
  const reach = opts.targetSeconds / 2;
  const depth = open.map((_, i) => {
    const s = sims[i]!;
    const t = times[i]!;
    let hl = s;
    let hr = s;
    for (let j = i - 1; j >= 0 && t - times[j]! <= reach; j--) if (sims[j]! > hl) hl = sims[j]!;
    for (let j = i + 1; j < open.length && times[j]! - t <= reach; j++) if (sims[j]! > hr) hr = sims[j]!;
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
    return { unit: u, seconds: times[i]!, score };
  });
}

/**
 * Picks `count - 1` boundaries among the candidates: the set with the highest
 * total score, lengths pulled toward the target and never under the minimum.
 * Dynamic programming over the best candidates only (a few per chapter wanted),
 * so an episode costs O(count × kept²) with kept small.
 */
export function chooseBoundaries(candidates: readonly Candidate[], count: number, spanSeconds: number, opts: BoundaryOptions, longest = opts.targetSeconds * 4): Candidate[] {
  if (count <= 1 || candidates.length === 0) return [];
  const keep = Math.max(count * 3, 30);
  // the best overall, and the best of every target-length stretch, so that no long stretch is left without a place to cut
  const best = new Map<number, Candidate>();
  for (const c of candidates) {
    const slot = Math.floor(c.seconds / opts.targetSeconds);
    if ((best.get(slot)?.score ?? Number.NEGATIVE_INFINITY) < c.score) best.set(slot, c);
  }
  const kept = [...new Set([...[...candidates].sort((a, b) => b.score - a.score).slice(0, keep), ...best.values()])].sort((a, b) => a.seconds - b.seconds);
  const points = [{ unit: 0, seconds: 0, score: 0 }, ...kept];
  const m = points.length;
  const table = lengthCosts(opts, Math.ceil(spanSeconds) + 1);
  const lengthCost = (len: number) => table[Math.max(0, Math.round(len))] ?? Number.NEGATIVE_INFINITY;
  const chapters = Math.min(count, m);
  const secs = Float64Array.from(points, (p) => p.seconds);
  const scores = Float64Array.from(points, (p) => p.score);
  // total[j] after round k: the best score with point j opening chapter k (0-based); chapter 0 opens at point 0
  let total = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);
  total[0] = 0;
  const from: Int32Array[] = [];
  for (let k = 1; k < chapters; k++) {
    const next = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);
    const back = new Int32Array(m).fill(-1);
    for (let j = k; j < m; j++) {
      const tj = secs[j]!;
      let bestV = Number.NEGATIVE_INFINITY;
      let bestI = -1;
      // no chapter runs longer than `longest`: transitions from further back are not tried
      for (let i = j - 1; i >= k - 1 && tj - secs[i]! <= longest; i--) {
        const v = total[i]! + table[Math.round(tj - secs[i]!)]!;
        if (v > bestV) {
          bestV = v;
          bestI = i;
        }
      }
      next[j] = bestV + scores[j]!;
      back[j] = bestI;
    }
    from.push(back);
    total = next;
  }
  let end = -1;
  let endValue = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < m; j++) {
    if (total[j] === Number.NEGATIVE_INFINITY) continue;
    const v = total[j]! + lengthCost(Math.floor(spanSeconds) - points[j]!.seconds);
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

let costs: { key: string; table: Float64Array } | null = null;

/** The length penalty for every whole second up to `size`, computed once per setting. */
function lengthCosts(opts: BoundaryOptions, size: number): Float64Array {
  const key = `${opts.minSeconds}/${opts.targetSeconds}/${opts.lengthWeight}`;
  if (!costs || costs.key !== key || costs.table.length < size) {
    const table = new Float64Array(Math.max(size, 4 * 3600));
    for (let len = 0; len < table.length; len++) {
      table[len] = len < opts.minSeconds ? Number.NEGATIVE_INFINITY : -opts.lengthWeight * Math.log(len / opts.targetSeconds) ** 2;
    }
    costs = { key, table };
  }
  return costs.table;
}
