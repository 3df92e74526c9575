/**
 * Segmentation metrics for chapter boundaries, in seconds. Boundaries are chapter
 * start times other than the document's start (which every segmentation has).
 */
export interface BoundaryScores {
  precision: number;
  recall: number;
  f1: number;
  /** Beeferman's Pk: chance that two points k apart are wrongly judged same/different chapter */
  pk: number;
  /** Pevzner & Hearst's WindowDiff: share of windows whose boundary counts differ */
  windowDiff: number;
  /** the counts behind precision and recall, for pooling documents */
  hits: number;
  hypotheses: number;
  references: number;
}

/** One-to-one matches within `tolerance` seconds, closest pairs first. */
export function matchBoundaries(reference: readonly number[], hypothesis: readonly number[], tolerance: number): number {
  const pairs: [number, number, number][] = [];
  reference.forEach((r, i) => hypothesis.forEach((h, j) => Math.abs(r - h) <= tolerance && pairs.push([Math.abs(r - h), i, j])));
  pairs.sort((a, b) => a[0] - b[0]);
  const usedR = new Set<number>();
  const usedH = new Set<number>();
  let hits = 0;
  for (const [, i, j] of pairs) {
    if (usedR.has(i) || usedH.has(j)) continue;
    usedR.add(i);
    usedH.add(j);
    hits++;
  }
  return hits;
}

/** A second-by-second chapter label for [0, span): index of the chapter each second is in. */
function labels(boundaries: readonly number[], span: number): Int32Array {
  const out = new Int32Array(span);
  const sorted = [...boundaries].sort((a, b) => a - b);
  let k = 0;
  for (let t = 0; t < span; t++) {
    while (k < sorted.length && sorted[k]! <= t) k++;
    out[t] = k;
  }
  return out;
}

export function scoreBoundaries(reference: readonly number[], hypothesis: readonly number[], spanSeconds: number, tolerance = 30): BoundaryScores {
  const ref = reference.filter((b) => b > 0 && b < spanSeconds);
  const hyp = hypothesis.filter((b) => b > 0 && b < spanSeconds);
  const hits = matchBoundaries(ref, hyp, tolerance);
  const precision = hyp.length === 0 ? 0 : hits / hyp.length;
  const recall = ref.length === 0 ? 0 : hits / ref.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const span = Math.floor(spanSeconds);
  // k: half the mean reference chapter length, as in Beeferman et al.
  const k = Math.max(1, Math.round(span / (ref.length + 1) / 2));
  const r = labels(ref, span);
  const h = labels(hyp, span);
  let pkErrors = 0;
  let wdErrors = 0;
  const windows = span - k;
  for (let i = 0; i < windows; i++) {
    const sameR = r[i] === r[i + k];
    const sameH = h[i] === h[i + k];
    if (sameR !== sameH) pkErrors++;
    if (r[i + k]! - r[i]! !== h[i + k]! - h[i]!) wdErrors++;
  }
  return { precision, recall, f1, pk: windows > 0 ? pkErrors / windows : 0, windowDiff: windows > 0 ? wdErrors / windows : 0, hits, hypotheses: hyp.length, references: ref.length };
}

/** Baseline: `count` chapters of equal length. */
export function evenBoundaries(count: number, spanSeconds: number): number[] {
  return Array.from({ length: Math.max(0, count - 1) }, (_, i) => Math.round(((i + 1) * spanSeconds) / count));
}

/** Baseline: a chapter every `every` seconds. */
export function periodicBoundaries(every: number, spanSeconds: number): number[] {
  const out: number[] = [];
  for (let t = every; t < spanSeconds; t += every) out.push(t);
  return out;
}
