/**
 * Near-duplicate detection for whole documents: a bottom-k MinHash sketch of
 * word 5-shingles (one rolling hash per shingle, the k smallest kept), so two
 * files of one episode (a re-export, a second transcription) are found at
 * import without comparing texts. Similarity is the sketches' Jaccard estimate.
 */
export const SKETCH_SIZE = 64;
const SHINGLE = 5;

/** The sketch of a text: up to SKETCH_SIZE shingle hashes, ascending. Texts shorter than one shingle have none. */
export function sketchText(texts: Iterable<string>): number[] {
  const ring = new Uint32Array(SHINGLE);
  let words = 0;
  // kept ascending; once full, a hash above the largest kept one (nearly all of them) is dropped at once
  const kept: number[] = [];
  const offer = (h: number) => {
    if (kept.length === SKETCH_SIZE && h >= kept[SKETCH_SIZE - 1]!) return;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    if (kept[lo] === h) return;
    kept.splice(lo, 0, h);
    if (kept.length > SKETCH_SIZE) kept.pop();
  };
  // one pass: each word's FNV-1a hash over its lower-cased letters and digits (punctuation and case do not make a copy new)
  for (const text of texts) {
    let h = 0x811c9dc5;
    let inWord = false;
    for (let i = 0; i <= text.length; i++) {
      let c = i === text.length ? 32 : text.charCodeAt(i);
      if (c > 32) {
        inWord = true;
        if (c >= 65 && c <= 90) c += 32;
        else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127)) continue;
        h = Math.imul(h ^ c, 0x01000193);
        continue;
      }
      if (!inWord) continue;
      ring[words % SHINGLE] = h >>> 0;
      words++;
      h = 0x811c9dc5;
      inWord = false;
      if (words >= SHINGLE) {
        let x = 0;
        for (let k = words - SHINGLE; k < words; k++) x = (Math.imul(x, 0x9e3779b1) + ring[k % SHINGLE]!) >>> 0;
        offer(Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0);
      }
    }
  }
  return kept;
}

export const sketchToHex = (s: readonly number[]) => s.map((h) => h.toString(16).padStart(8, '0')).join('');

export function sketchFromHex(hex: string | null): number[] {
  if (!hex) return [];
  const out: number[] = [];
  for (let i = 0; i + 8 <= hex.length; i += 8) out.push(parseInt(hex.slice(i, i + 8), 16));
  return out;
}

/** Jaccard estimate of two bottom-k sketches (both ascending). */
export function sketchSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const k = Math.min(SKETCH_SIZE, Math.max(a.length, b.length));
  const inB = new Set(b);
  const inA = new Set(a);
  let i = 0;
  let j = 0;
  let taken = 0;
  let shared = 0;
  // walk the union in ascending order, k values at most
  while (taken < k && (i < a.length || j < b.length)) {
    const v = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    if (inA.has(v) && inB.has(v)) shared++;
    if (i < a.length && a[i] === v) i++;
    if (j < b.length && b[j] === v) j++;
    taken++;
  }
  return shared / taken;
}
