import type { DocumentKind, Facet, Labelled } from './types';
import { Vocabulary } from './vocab';
import { STOPWORDS } from './tokenize';

/**
 * The compact side of the index: per-segment facts in typed arrays, indexed by
 * dense position, plus each segment's tokens as vocabulary ids. It answers what
 * FlexSearch cannot — is this phrase here, in this order? which facets does this
 * hit carry? — in memory, without a query per candidate. Text stays in SQLite.
 */
export const ENTRY_CHAPTER = 1;
export const ENTRY_DOCUMENT = 2;
export const FIELD_CHAPTER = 1;
export const FIELD_DOCUMENT = 2;
export const FIELD_SPEAKER = 4;

export interface StoreDoc {
  id: number;
  kind: DocumentKind;
  /** index into labels.show, or -1 */
  show: number;
  /** indexes into labels.guest */
  guests: number[];
  /** all tokens of the title, as vocabulary ids */
  title: number[];
}

export interface StoreArrays {
  segmentId: Int32Array;
  doc: Int32Array;
  /** chapter index (into chapterTitles) or -1 */
  chapter: Int32Array;
  /** index into labels.speaker, or -1 */
  speaker: Int32Array;
  /** start second, or -1 when the segment has no time */
  start: Int32Array;
  flags: Uint8Array;
  /** number of indexed (non-stopword) tokens: the length BM25 damps by */
  len: Uint16Array;
  tokOffsets: Uint32Array;
  tokens: Uint32Array;
  topicOffsets: Uint32Array;
  topicIds: Uint16Array;
  /** topic score × 255 */
  topicScores: Uint8Array;
  /**
   * A Bloom filter per segment of its adjacent token pairs, 16 bits per pair (at
   * least 64), sized by length so long monologues do not fill up. A phrase whose
   * word pairs are not all set cannot be in the text, so most candidates of a
   * phrase of common words are dismissed without reading their tokens.
   */
  pairBloom: Uint32Array;
  /** where each segment's filter starts in pairBloom, in 32-bit words (n + 1 entries) */
  bloomOffsets: Uint32Array;
}

const BITS_PER_PAIR = 16;

/** Hash of an adjacent token pair; its bit in a filter of `bits` bits is hash % bits. */
export function pairHash(x: number, y: number): number {
  return (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca77)) >>> 0;
}

export function fillPairBloom(tokens: Uint32Array, offsets: Uint32Array, n: number): { bloom: Uint32Array; bloomOffsets: Uint32Array } {
  const bloomOffsets = new Uint32Array(n + 1);
  for (let p = 0; p < n; p++) {
    const pairs = Math.max(0, offsets[p + 1]! - offsets[p]! - 1);
    bloomOffsets[p + 1] = bloomOffsets[p]! + Math.max(2, Math.ceil((pairs * BITS_PER_PAIR) / 32));
  }
  const bloom = new Uint32Array(bloomOffsets[n]!);
  for (let p = 0; p < n; p++) {
    const at = bloomOffsets[p]!;
    const bits = (bloomOffsets[p + 1]! - at) * 32;
    for (let i = offsets[p]! + 1; i < offsets[p + 1]!; i++) {
      const bit = pairHash(tokens[i - 1]!, tokens[i]!) % bits;
      bloom[at + (bit >>> 5)]! |= 1 << (bit & 31);
    }
  }
  return { bloom, bloomOffsets };
}

export interface StoreMeta {
  n: number;
  avgLen: number;
  vocab: string[];
  docs: StoreDoc[];
  chapterTitles: number[][];
  speakerNames: number[][];
  labels: Record<Facet, Labelled[]>;
}

export class SegmentStore {
  readonly vocab: Vocabulary;
  readonly isStop: Uint8Array;
  /** title and name tokens as typed arrays, for the phrase check's single-kind loop */
  readonly chapterTokens: Uint32Array[];
  readonly docTokens: Uint32Array[];
  readonly speakerTokens: Uint32Array[];
  /** per vocabulary id, where besides the text it occurs: FIELD_CHAPTER | FIELD_DOCUMENT | FIELD_SPEAKER */
  readonly fieldsOf: Uint8Array;

  constructor(
    readonly meta: StoreMeta,
    readonly a: StoreArrays,
  ) {
    this.vocab = new Vocabulary(meta.vocab);
    this.isStop = new Uint8Array(this.vocab.size);
    for (const w of STOPWORDS) {
      const id = this.vocab.id(w);
      if (id !== undefined) this.isStop[id] = 1;
    }
    this.chapterTokens = meta.chapterTitles.map((t) => Uint32Array.from(t));
    this.docTokens = meta.docs.map((d) => Uint32Array.from(d.title));
    this.speakerTokens = meta.speakerNames.map((t) => Uint32Array.from(t));
    // most words never occur in a title or a name: checking those fields for them is skipped
    this.fieldsOf = new Uint8Array(this.vocab.size);
    const mark = (lists: Uint32Array[], bit: number) => lists.forEach((l) => l.forEach((id) => (this.fieldsOf[id]! |= bit)));
    mark(this.chapterTokens, FIELD_CHAPTER);
    mark(this.docTokens, FIELD_DOCUMENT);
    mark(this.speakerTokens, FIELD_SPEAKER);
  }

  get n(): number {
    return this.meta.n;
  }

  tokensOf(pos: number): Uint32Array {
    return this.a.tokens.subarray(this.a.tokOffsets[pos]!, this.a.tokOffsets[pos + 1]!);
  }
}

const ARRAY_TYPES = {
  segmentId: Int32Array,
  doc: Int32Array,
  chapter: Int32Array,
  speaker: Int32Array,
  start: Int32Array,
  flags: Uint8Array,
  len: Uint16Array,
  tokOffsets: Uint32Array,
  tokens: Uint32Array,
  topicOffsets: Uint32Array,
  topicIds: Uint16Array,
  topicScores: Uint8Array,
  pairBloom: Uint32Array,
  bloomOffsets: Uint32Array,
} as const;
type ArrayName = keyof typeof ARRAY_TYPES;

export interface PackedLayout {
  arrays: { name: ArrayName; offset: number; length: number }[];
  bytes: number;
}

/** All arrays in one buffer, each 8-byte aligned so it can be viewed in place after reading. */
export function packArrays(a: StoreArrays): { buffer: Buffer; layout: PackedLayout } {
  const layout: PackedLayout = { arrays: [], bytes: 0 };
  let offset = 0;
  for (const name of Object.keys(ARRAY_TYPES) as ArrayName[]) {
    const arr = a[name];
    layout.arrays.push({ name, offset, length: arr.length });
    offset += Math.ceil(arr.byteLength / 8) * 8;
  }
  layout.bytes = offset;
  const buffer = Buffer.alloc(offset);
  for (const { name, offset: at } of layout.arrays) {
    const arr = a[name];
    buffer.set(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), at);
  }
  return { buffer, layout };
}

export function unpackArrays(buffer: Buffer, layout: PackedLayout): StoreArrays {
  if (buffer.byteLength !== layout.bytes) throw new Error(`store.bin has ${buffer.byteLength} bytes, expected ${layout.bytes}`);
  // copy into an aligned ArrayBuffer: a Buffer read from disk may sit at any offset of a shared pool
  const ab = new ArrayBuffer(buffer.byteLength);
  new Uint8Array(ab).set(buffer);
  const out: Partial<Record<ArrayName, unknown>> = {};
  for (const { name, offset, length } of layout.arrays) {
    const Ctor = ARRAY_TYPES[name];
    if (!Ctor) throw new Error(`unknown array ${name} in store layout`);
    out[name] = new Ctor(ab, offset, length);
  }
  for (const name of Object.keys(ARRAY_TYPES) as ArrayName[]) {
    if (!out[name]) throw new Error(`store.bin lacks ${name}`);
  }
  return out as StoreArrays;
}
