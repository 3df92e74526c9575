/** Graded relevance metrics over a ranked list of gains (grades 0–3), as in TREC: gain 2^g − 1, log2 discount. */

export function dcg(grades: readonly number[], k: number): number {
  let s = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) s += (2 ** grades[i]! - 1) / Math.log2(i + 2);
  return s;
}

/** nDCG@k: the list's DCG over the best DCG the judged passages allow (0 when none is relevant). */
export function ndcg(grades: readonly number[], judged: readonly number[], k: number): number {
  const ideal = dcg([...judged].sort((a, b) => b - a), k);
  return ideal > 0 ? dcg(grades, k) / ideal : 0;
}

/** Precision@k: the share of the first k places holding a passage graded `relevant` or more (empty places count as misses). */
export function precision(grades: readonly number[], k: number, relevant = 2): number {
  let n = 0;
  for (let i = 0; i < k; i++) if ((grades[i] ?? 0) >= relevant) n++;
  return n / k;
}

export function mean(xs: readonly number[]): number {
  return xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}
