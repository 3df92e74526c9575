/**
 * The sorted list of every token in the archive. Token ids are positions in this
 * list, so all words sharing a prefix form one contiguous id range: prefix search
 * is two binary searches, and "is this token one of the matches" is a range check.
 */
export class Vocabulary {
  readonly words: readonly string[];
  private readonly ids: Map<string, number>;
  /** ids grouped by word length, for the typo scan */
  private byLength: Int32Array[] | null = null;

  constructor(sortedWords: readonly string[]) {
    this.words = sortedWords;
    this.ids = new Map();
    for (let i = 0; i < sortedWords.length; i++) this.ids.set(sortedWords[i]!, i);
    this.byLength = this.lengthBuckets();
  }

  static fromTokens(tokens: Iterable<string>): Vocabulary {
    // code-unit order (not localeCompare) so that binary search agrees with `<`
    return new Vocabulary([...new Set(tokens)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  get size(): number {
    return this.words.length;
  }

  id(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** [lo, hi) ids of all words starting with `prefix` (the word itself included). */
  prefixRange(prefix: string): [number, number] {
    const lo = this.lowerBound(prefix);
    // '\uffff' sorts after any code unit a token can hold, so this bounds the prefix block
    const hi = this.lowerBound(prefix + '\uffff');
    return [lo, hi];
  }

  private lowerBound(s: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Words one edit away (insert, delete, substitute, or swap two neighbours):
   * "promotoin" → promotion, "tokenmaxing" → tokenmaxxing. Only used for words that
   * match nothing as typed, so a real word ("god") never drifts to another ("good").
   */
  typos(word: string, accept: (id: number) => boolean): number[] {
    if (word.length < 4) return [];
    const buckets = this.lengthBuckets();
    const masks = this.letterMasks();
    const mine = letterMask(word);
    const out: number[] = [];
    for (let len = word.length - 1; len <= word.length + 1; len++) {
      const ids = buckets[len];
      if (!ids) continue;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        // one edit changes which letters a word has by two at most: most words are ruled out by that alone
        if (bitCount(masks[id]! ^ mine) > 2) continue;
        if (withinOneEdit(word, this.words[id]!) && accept(id)) out.push(id);
      }
    }
    return out;
  }

  private masks: Int32Array | null = null;
  private letterMasks(): Int32Array {
    if (!this.masks) {
      this.masks = new Int32Array(this.words.length);
      for (let i = 0; i < this.words.length; i++) this.masks[i] = letterMask(this.words[i]!);
    }
    return this.masks;
  }

  private lengthBuckets(): Int32Array[] {
    if (this.byLength) return this.byLength;
    const counts: number[] = [];
    for (const w of this.words) counts[w.length] = (counts[w.length] ?? 0) + 1;
    const buckets = counts.map((c) => new Int32Array(c ?? 0));
    const fill = new Array<number>(counts.length).fill(0);
    for (let i = 0; i < this.words.length; i++) {
      const len = this.words[i]!.length;
      buckets[len]![fill[len]!++] = i;
    }
    this.byLength = buckets;
    return buckets;
  }
}

/** Which letters a word holds, one bit each (a–z; digits and anything else share the last bits). */
function letterMask(word: string): number {
  let m = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    m |= 1 << (c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + (c % 5) : 31);
  }
  return m;
}

function bitCount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Damerau-Levenshtein distance ≤ 1 (and not 0), without allocating. */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return false;
  if (la === lb) {
    if (sameTail(a, i + 1, b, i + 1)) return true; // substitution
    return (
      i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameTail(a, i + 2, b, i + 2)
    );
  }
  return la > lb ? sameTail(a, i + 1, b, i) : sameTail(a, i, b, i + 1);
}

function sameTail(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}
