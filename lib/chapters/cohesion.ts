import type { PreparedDocument } from './prepare';

export interface Cohesion {
  /** cosine similarity of the `window` tokens before and after each turn's start (NaN where a side is empty) */
  sim: Float64Array;
  /** share of a turn's opening words (weighted) that the window before it never used: a new subject */
  novelty: Float64Array;
}

/** How many opening tokens of a turn say whether it brings something new. */
const OPENING = 30;

/**
 * TextTiling's block comparison, one step per token: the window before and the
 * window after slide together, and the weighted dot product and norms are kept
 * up to date as each token moves across, so a document costs O(tokens) however
 * wide the windows. Only turn starts are read out, since only they can be
 * boundaries.
 */
export function measureCohesion(doc: PreparedDocument, weight: Float64Array, window: number): Cohesion {
  const { terms, units } = doc;
  const n = terms.length;
  const w2 = new Float64Array(weight.length);
  for (let i = 0; i < weight.length; i++) w2[i] = weight[i]! * weight[i]!;
  const left = new Int32Array(weight.length);
  const right = new Int32Array(weight.length);
  let dot = 0;
  let nl = 0;
  let nr = 0;
  const addRight = (t: number) => {
    nr += w2[t]! * (2 * right[t]! + 1);
    dot += w2[t]! * left[t]!;
    right[t]!++;
  };
  const dropRight = (t: number) => {
    right[t]!--;
    nr -= w2[t]! * (2 * right[t]! + 1);
    dot -= w2[t]! * left[t]!;
  };
  const addLeft = (t: number) => {
    nl += w2[t]! * (2 * left[t]! + 1);
    dot += w2[t]! * right[t]!;
    left[t]!++;
  };
  const dropLeft = (t: number) => {
    left[t]!--;
    nl -= w2[t]! * (2 * left[t]! + 1);
    dot -= w2[t]! * right[t]!;
  };
  for (let i = 0; i < Math.min(window, n); i++) addRight(terms[i]!);

  const sim = new Float64Array(units.length).fill(Number.NaN);
  const novelty = new Float64Array(units.length);
  let pos = 0;
  for (let u = 0; u < units.length; u++) {
    const start = units[u]!.tokenStart;
    for (; pos < start; pos++) {
      const t = terms[pos]!;
      dropRight(t);
      addLeft(t);
      if (pos - window >= 0) dropLeft(terms[pos - window]!);
      if (pos + window < n) addRight(terms[pos + window]!);
    }
    if (nl > 1e-9 && nr > 1e-9) sim[u] = Math.max(0, Math.min(1, dot / Math.sqrt(nl * nr)));
    let fresh = 0;
    let total = 0;
    const end = Math.min(units[u]!.tokenEnd, start + OPENING);
    for (let i = start; i < end; i++) {
      const t = terms[i]!;
      total += weight[t]!;
      if (left[t] === 0) fresh += weight[t]!;
    }
    novelty[u] = total > 0 ? fresh / total : 0;
  }
  return { sim, novelty };
}
