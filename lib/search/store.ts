import type { HeadTable } from './heads';
import { Stems } from './stems';
import { STOPWORDS } from './tokenize';
import type { DocumentKind, Labelled, LabelledFacet } from './types';
import { Vocabulary } from './vocab';

/**
 * The whole index, as typed arrays indexed by dense segment position (segments
 * in document order) plus a little JSON: per-segment facts, each segment's
 * tokens as vocabulary ids (for phrases and proximity), and an inverted index
 * (for each word, the segments holding it and how often). Text stays in SQLite.
 */
export const ENTRY_CHAPTER = 1;
export const ENTRY_DOCUMENT = 2;

/** Who speaks a segment, as the importer resolved the speaker (document_speakers.role). */
export const ROLE = { none: 0, guest: 1, host: 2, voice: 3 } as const;
export type RoleName = 'guest' | 'host';
export const ROLE_NAMES: readonly RoleName[] = ['guest', 'host'];

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
  /** ROLE of the speaker */
  role: Uint8Array;
  /** start second, or -1 when the segment has no time */
  start: Int32Array;
  flags: Uint8Array;
  /** number of indexed (non-stopword) tokens: the length BM25 damps by */
  len: Uint16Array;
  tokOffsets: Uint32Array;
  /** every token, stopwords included, as vocabulary ids */
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
  /** inverted index: word id → [postStart[id], postStart[id + 1]) in postSeg/postPosStart (stopwords have none) */
  postStart: Uint32Array;
  /** segment positions, ascending within each word */
  postSeg: Int32Array;
  /** posting → [postPosStart[k], postPosStart[k + 1]) in postPos: where in the segment the word stands (its count is the term frequency) */
  postPosStart: Uint32Array;
  /** word positions within their segment, counted without stopwords (1-based), ascending per posting */
  postPos: Uint32Array;
  /**
   * Per entry of postPos: nearHash of the token before it (high byte) and
   * after it (low byte), stopwords included. A phrase's word is checked
   * against its neighbours here, in the order the postings lie, before any
   * segment's tokens are read. Empty in an index written before it.
   */
  postNear: Uint16Array;
  /** the duplicate class of a segment (the same text elsewhere), or -1 */
  dupClass: Int32Array;
  /** class → [dupStart[c], dupStart[c + 1]) in dupMembers, positions in archive order */
  dupStart: Uint32Array;
  dupMembers: Int32Array;
}

export interface StoreMeta {
  n: number;
  avgLen: number;
  vocab: string[];
  docs: StoreDoc[];
  chapterTitles: number[][];
  /** the chapters Ladder titled itself, not the source (absent in an index written before they were told apart) */
  generatedChapters?: number[];
  speakerNames: number[][];
  labels: Record<LabelledFacet, Labelled[]>;
  /** ranked answers of the head queries (heads.ts; absent in an index written before them) */
  heads?: HeadTable;
}

const BITS_PER_PAIR = 16;

/** Hash of an adjacent token pair (31 bits: a small integer, so `% bits` stays integer arithmetic); its bit in a filter of `bits` bits is hash % bits. */
export function pairHash(x: number, y: number): number {
  return (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca77)) >>> 1;
}

/** Where each segment's pair filter starts (in 32-bit words), from its token count. */
export function bloomLayout(offsets: Uint32Array, n: number): Uint32Array {
  const bloomOffsets = new Uint32Array(n + 1);
  for (let p = 0; p < n; p++) {
    const pairs = Math.max(0, offsets[p + 1]! - offsets[p]! - 1);
    bloomOffsets[p + 1] = bloomOffsets[p]! + Math.max(2, Math.ceil((pairs * BITS_PER_PAIR) / 32));
  }
  return bloomOffsets;
}

/** A word → owners map (chapters, documents, speakers whose title or name holds it), made at load. */
export interface Owners {
  start: Uint32Array;
  list: Int32Array;
}

export class SegmentStore {
  readonly vocab: Vocabulary;
  readonly isStop: Uint8Array;
  /** title and name tokens as typed arrays, for the phrase check's single-kind loop */
  readonly chapterTokens: Uint32Array[];
  readonly docTokens: Uint32Array[];
  readonly speakerTokens: Uint32Array[];
  /** which chapters, documents and speakers have a word in their title or name */
  readonly chapterOwners: Owners;
  readonly docOwners: Owners;
  readonly speakerOwners: Owners;
  /** the position opening each chapter and document, and each speaker's positions */
  readonly chapterFirst: Int32Array;
  readonly docFirst: Int32Array;
  readonly speakerPositions: Owners;
  /** where each document's run of positions starts (D + 1 entries: a document's run is [docStart[d], docStart[d + 1])) */
  readonly docStart: Int32Array;
  private readonly norms = new Map<number, Float32Array>();
  /** other forms of a query word (same stem), found on first use */
  readonly stems: Stems;

  constructor(
    readonly meta: StoreMeta,
    readonly a: StoreArrays,
  ) {
    this.vocab = new Vocabulary(meta.vocab);
    this.stems = new Stems(this.vocab);
    this.isStop = new Uint8Array(this.vocab.size);
    for (const w of STOPWORDS) {
      const id = this.vocab.id(w);
      if (id !== undefined) this.isStop[id] = 1;
    }
    this.chapterTokens = meta.chapterTitles.map((t) => Uint32Array.from(t));
    this.docTokens = meta.docs.map((d) => Uint32Array.from(d.title));
    this.speakerTokens = meta.speakerNames.map((t) => Uint32Array.from(t));
    const V = this.vocab.size;
    this.chapterOwners = owners(this.chapterTokens, V);
    this.docOwners = owners(this.docTokens, V);
    this.speakerOwners = owners(this.speakerTokens, V);
    const n = meta.n;
    this.chapterFirst = new Int32Array(meta.chapterTitles.length).fill(-1);
    this.docFirst = new Int32Array(meta.docs.length).fill(-1);
    const bySpeaker: number[][] = meta.speakerNames.map(() => []);
    for (let p = 0; p < n; p++) {
      const f = a.flags[p]!;
      if (f & ENTRY_CHAPTER && a.chapter[p]! >= 0) this.chapterFirst[a.chapter[p]!] = p;
      if (f & ENTRY_DOCUMENT) this.docFirst[a.doc[p]!] = p;
      const s = a.speaker[p]!;
      if (s >= 0) bySpeaker[s]?.push(p);
    }
    this.speakerPositions = fromLists(bySpeaker);
    const D = meta.docs.length;
    this.docStart = new Int32Array(D + 1).fill(-1);
    for (let p = n - 1; p >= 0; p--) this.docStart[a.doc[p]!] = p;
    // documents without segments start where the next one does
    this.docStart[D] = n;
    for (let d = D - 1; d >= 0; d--) if (this.docStart[d]! < 0) this.docStart[d] = this.docStart[d + 1]!;
  }

  /** BM25's length damping per segment, k1 · (1 − b + b · len / avgLen), made once per b. */
  lengthNorm(b: number): Float32Array {
    let norm = this.norms.get(b);
    if (norm) return norm;
    norm = new Float32Array(this.n);
    const avg = this.meta.avgLen;
    for (let p = 0; p < this.n; p++) norm[p] = BM25_K1 * (1 - b + (b * this.a.len[p]!) / avg);
    this.norms.set(b, norm);
    return norm;
  }

  get n(): number {
    return this.meta.n;
  }

  tokensOf(pos: number): Uint32Array {
    return this.a.tokens.subarray(this.a.tokOffsets[pos]!, this.a.tokOffsets[pos + 1]!);
  }

  /** How many segments hold the word (its document frequency). */
  df(id: number): number {
    return this.a.postStart[id + 1]! - this.a.postStart[id]!;
  }
}

export const BM25_K1 = 1.2;

function owners(lists: Uint32Array[], V: number): Owners {
  const start = new Uint32Array(V + 1);
  const seen = new Int32Array(V).fill(-1);
  lists.forEach((l, i) => l.forEach((id) => {
    if (seen[id] !== i) {
      seen[id] = i;
      start[id + 1]!++;
    }
  }));
  for (let id = 0; id < V; id++) start[id + 1]! += start[id]!;
  const list = new Int32Array(start[V]!);
  const fill = start.slice(0, V);
  seen.fill(-1);
  lists.forEach((l, i) => l.forEach((id) => {
    if (seen[id] !== i) {
      seen[id] = i;
      list[fill[id]!++] = i;
    }
  }));
  return { start, list };
}

function fromLists(lists: number[][]): Owners {
  const start = new Uint32Array(lists.length + 1);
  lists.forEach((l, i) => (start[i + 1] = start[i]! + l.length));
  const list = new Int32Array(start[lists.length]!);
  lists.forEach((l, i) => list.set(l, start[i]!));
  return { start, list };
}

const ARRAY_TYPES = {
  segmentId: Int32Array,
  doc: Int32Array,
  chapter: Int32Array,
  speaker: Int32Array,
  role: Uint8Array,
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
  postStart: Uint32Array,
  postSeg: Int32Array,
  postPosStart: Uint32Array,
  postPos: Uint32Array,
  postNear: Uint16Array,
  dupClass: Int32Array,
  dupStart: Uint32Array,
  dupMembers: Int32Array,
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
  return viewArrays(ab, layout);
}

/** The arrays as views into one aligned buffer holding store.bin. */
export function viewArrays(ab: ArrayBuffer, layout: PackedLayout): StoreArrays {
  const out: Partial<Record<ArrayName, unknown>> = {};
  for (const { name, offset, length } of layout.arrays) {
    const Ctor = ARRAY_TYPES[name];
    if (!Ctor) throw new Error(`unknown array ${name} in store layout`);
    out[name] = new Ctor(ab, offset, length);
  }
  out.postNear ??= new Uint16Array(0);
  for (const name of Object.keys(ARRAY_TYPES) as ArrayName[]) {
    if (!out[name]) throw new Error(`store.bin lacks ${name}`);
  }
  return out as StoreArrays;
}
