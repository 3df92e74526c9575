/**
 * A hash table from words to numbers that is looked up by a span of a longer
 * text, so the millions of tokens of an archive are matched against the few
 * thousand words they repeat without cutting a string for each one.
 */
const EMPTY = -3;

export class WordTable {
  private keys: (string | undefined)[] = new Array<string | undefined>(1024);
  private hashes = new Int32Array(1024);
  private values = new Int32Array(1024).fill(EMPTY);
  private count = 0;

  static readonly ABSENT = -2;
  static readonly SEED = 0x811c9dc5 | 0;

  /** FNV-1a, one character at a time: a scanner can hash a word while it reads it. */
  static step(h: number, c: number): number {
    return Math.imul(h ^ c, 16777619);
  }

  static hash(text: string, start: number, end: number): number {
    let h = WordTable.SEED;
    for (let i = start; i < end; i++) h = WordTable.step(h, text.charCodeAt(i));
    return h;
  }

  /** The value of text[start, end), or WordTable.ABSENT; `hash` is WordTable.hash of the span when the caller has it. */
  find(text: string, start: number, end: number, hash = WordTable.hash(text, start, end)): number {
    const { keys, hashes, values } = this;
    const mask = keys.length - 1;
    const length = end - start;
    // the compact arrays first: a word's string is only read when its hash matches
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      if (values[i] === EMPTY) return WordTable.ABSENT;
      if (hashes[i] !== hash) continue;
      const key = keys[i]!;
      if (key.length !== length) continue;
      let j = 0;
      while (j < length && key.charCodeAt(j) === text.charCodeAt(start + j)) j++;
      if (j === length) return values[i]!;
    }
  }

  set(word: string, value: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.resize();
    const hash = WordTable.hash(word, 0, word.length);
    const mask = this.keys.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const key = this.keys[i];
      if (key === undefined) {
        this.keys[i] = word;
        this.hashes[i] = hash;
        this.values[i] = value;
        this.count++;
        return;
      }
      if (key === word) {
        this.values[i] = value;
        return;
      }
    }
  }

  private resize(): void {
    const { keys, values } = this;
    this.keys = new Array<string | undefined>(keys.length * 2);
    this.hashes = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2).fill(EMPTY);
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (values[i] !== EMPTY) this.set(keys[i]!, values[i]!);
  }
}
