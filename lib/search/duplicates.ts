import type { StoreArrays } from './store';

/**
 * Shorter identical lines ("Thanks for having me on the show") are different
 * moments said by different people, not one passage in two places; a repeated
 * ad read or a turn of an episode that is in the archive twice is far longer.
 */
export const DUPLICATE_MIN_TOKENS = 12;

/**
 * Segments whose text is the same word for word (same tokens, so case and
 * punctuation do not matter): each set of two or more becomes a class, with
 * its members in archive order. Search shows one member and folds the others
 * under it. Fed one hash per segment while the tokens are read; tokens are
 * compared only when hashes meet.
 */
export class DuplicateFinder {
  private readonly dupClass: Int32Array;
  private readonly firstWithHash = new Map<number, number | number[]>();
  private readonly classes: number[][] = [];

  constructor(n: number) {
    this.dupClass = new Int32Array(n).fill(-1);
  }

  /** Segment p (in archive order), whose tokens hash to h. */
  add(p: number, h: number, tok: Uint32Array, offsets: Uint32Array): void {
    const from = offsets[p]!;
    const to = offsets[p + 1]!;
    if (to - from < DUPLICATE_MIN_TOKENS) return;
    const key = (h ^ Math.imul(to - from, 0x9e3779b1)) >>> 0;
    const seen = this.firstWithHash.get(key);
    if (seen === undefined) {
      this.firstWithHash.set(key, p);
      return;
    }
    const list = typeof seen === 'number' ? [seen] : seen;
    const same = list.find((q) => equalRanges(tok, offsets[q]!, offsets[q + 1]!, from, to));
    if (same === undefined) {
      list.push(p);
      this.firstWithHash.set(key, list);
      return;
    }
    let c = this.dupClass[same]!;
    if (c < 0) {
      c = this.classes.push([same]) - 1;
      this.dupClass[same] = c;
    }
    this.classes[c]!.push(p);
    this.dupClass[p] = c;
  }

  done(): Pick<StoreArrays, 'dupClass' | 'dupStart' | 'dupMembers'> {
    const { classes } = this;
    const dupStart = new Uint32Array(classes.length + 1);
    classes.forEach((m, c) => (dupStart[c + 1] = dupStart[c]! + m.length));
    const dupMembers = new Int32Array(dupStart[classes.length]!);
    classes.forEach((m, c) => dupMembers.set(m, dupStart[c]!));
    return { dupClass: this.dupClass, dupStart, dupMembers };
  }
}

function equalRanges(tok: Uint32Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (; a < aEnd; a++, b++) if (tok[a] !== tok[b]) return false;
  return true;
}
