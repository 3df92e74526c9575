import { normalizeWord, STOPWORDS, tokenize } from './tokenize';

const SPLIT = /[^\p{L}\p{N}]+/u;
const LETTER = 1;
const SEPARATOR = 2;
const SURROGATE = 3;
/** What a character past ASCII is, as tokenSpans' word pattern sees it; learnt once per character. */
const CLASS = new Uint8Array(65536);
const WORD = /[\p{L}\p{N}\u0300-\u036f]/u;
function classOf(c: number): number {
  let k = CLASS[c]!;
  if (k === 0) CLASS[c] = k = c >= 0xd800 && c <= 0xdfff ? SURROGATE : WORD.test(String.fromCharCode(c)) ? LETTER : SEPARATOR;
  return k;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
/** ASCII letters and digits, lower-cased; 0 for everything else below 128 */
const WORD_CHAR = new Uint8Array(128);
for (let c = 48; c <= 57; c++) WORD_CHAR[c] = c;
for (let c = 97; c <= 122; c++) WORD_CHAR[c] = c;
for (let c = 65; c <= 90; c++) WORD_CHAR[c] = c | 32;

/**
 * Tokenizes text straight into word ids, the same tokens `tokenize` gives.
 *
 * Building the index reads every word of the archive once (9 million in the
 * Changelog archive). `tokenize` makes a lower-cased copy and an array of
 * strings per segment, and a Map then looks each string up: about 3.5 s on
 * this machine. Here ASCII text (nearly all of it) is scanned by char code,
 * each word hashed while it is read and looked up in an open-addressing table
 * that compares against the words kept in one char pool, so a word already
 * seen costs no allocation (about three times faster). Text with other
 * characters goes through `tokenize`.
 *
 * Ids are handed out in order of first appearance.
 */
export class TokenInterner {
  readonly words: string[] = [];
  /** 1 for a stopword id */
  readonly stop: number[] = [];
  private hashes = new Int32Array(1 << 12);
  private starts = new Int32Array(1 << 12);
  private pool = new Uint16Array(1 << 16);
  private poolLength = 0;
  private table = new Int32Array(1 << 13).fill(-1);
  private mask = (1 << 13) - 1;

  get size(): number {
    return this.words.length;
  }

  /**
   * Appends the ids of the text's tokens to `out`. A run of letters and digits
   * is one token; a run holding any character past ASCII is normalized as
   * `tokenize` does it (accents dropped, NFKD), while punctuation past ASCII
   * (curly quotes, dashes, ellipses) simply separates words. Text with
   * characters outside the Basic Multilingual Plane takes `tokenize` whole.
   */
  addText(text: string, out: IdSink): void {
    const before = out.length;
    let start = -1;
    let plain = true;
    let h = 0;
    const len = text.length;
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      let l: number;
      if (c < 128) l = WORD_CHAR[c]!;
      else {
        const kind = classOf(c);
        if (kind === SURROGATE) {
          out.length = before;
          for (const w of tokenize(text)) out.push(this.idOfWord(w));
          return;
        }
        l = kind === LETTER ? c : 0;
      }
      if (l !== 0) {
        if (start < 0) {
          start = i;
          plain = true;
          h = FNV_OFFSET;
        }
        if (c >= 128) plain = false;
        h = Math.imul(h ^ l, FNV_PRIME);
      } else if (start >= 0) {
        this.emit(text, start, i, h, plain, out);
        start = -1;
      }
    }
    if (start >= 0) this.emit(text, start, len, h, plain, out);
  }

  private emit(text: string, from: number, to: number, h: number, plain: boolean, out: IdSink): void {
    if (plain) {
      out.push(this.lookup(text, from, to, h | 0));
      return;
    }
    // as tokenSpans: the run normalized, its pieces joined into one token
    const token = normalizeWord(text.slice(from, to)).split(SPLIT).filter(Boolean).join('');
    if (token) out.push(this.idOfWord(token));
  }

  /** The id of an already normalized token. */
  idOfWord(word: string): number {
    let h = FNV_OFFSET;
    for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
    return this.lookup(word, 0, word.length, h);
  }

  /** text[from, to) is ASCII letters and digits (any case) or an already normalized word. */
  private lookup(text: string, from: number, to: number, h: number): number {
    const { table, mask, pool, starts, hashes } = this;
    const len = to - from;
    let i = h & mask;
    for (;;) {
      const id = table[i]!;
      if (id < 0) break;
      if (hashes[id] === h && starts[id + 1]! - starts[id]! === len) {
        const s = starts[id]!;
        let k = 0;
        for (; k < len; k++) {
          const c = text.charCodeAt(from + k);
          if ((c < 128 ? WORD_CHAR[c]! : c) !== pool[s + k]) break;
        }
        if (k === len) return id;
      }
      i = (i + 1) & mask;
    }
    return this.insert(text.slice(from, to).toLowerCase(), h, i);
  }

  private insert(word: string, h: number, slot: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.stop.push(STOPWORDS.has(word) ? 1 : 0);
    if (id + 2 > this.hashes.length) {
      this.hashes = grown(this.hashes, this.hashes.length * 2);
      this.starts = grown(this.starts, this.starts.length * 2);
    }
    if (this.poolLength + word.length > this.pool.length) this.pool = grown(this.pool, Math.max(this.pool.length * 2, this.poolLength + word.length));
    this.hashes[id] = h;
    this.starts[id] = this.poolLength;
    for (let k = 0; k < word.length; k++) this.pool[this.poolLength++] = word.charCodeAt(k);
    this.starts[id + 1] = this.poolLength;
    this.table[slot] = id;
    if (this.words.length * 2 > this.mask) this.rehash();
    return id;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.table = new Int32Array(size).fill(-1);
    for (let id = 0; id < this.words.length; id++) {
      let i = this.hashes[id]! & this.mask;
      while (this.table[i]! >= 0) i = (i + 1) & this.mask;
      this.table[i] = id;
    }
  }
}

function grown<T extends Int32Array | Uint16Array>(a: T, size: number): T {
  const next = new (a.constructor as { new (n: number): T })(size);
  next.set(a);
  return next;
}

export interface IdSink {
  push(id: number): void;
  /** can be set back to undo pushes */
  length: number;
}

type TypedCtor<T> = { new (n: number): T };

/** A typed array that grows by doubling, for columns whose length is known only at the end. */
export class Grow<T extends Uint32Array | Int32Array | Uint16Array | Uint8Array> implements IdSink {
  private buf: T;
  length = 0;
  constructor(
    private readonly Ctor: TypedCtor<T>,
    initial = 1024,
  ) {
    this.buf = new Ctor(Math.max(16, initial));
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new this.Ctor(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  /** The filled part, as its own exactly sized array. */
  done(): T {
    return this.buf.slice(0, this.length) as T;
  }
}
