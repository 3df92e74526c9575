import { NO_NEIGHBOUR, nearHash } from './near';
import { buildHeads } from './heads-build';
import { DuplicateFinder } from './duplicates';
import { Grow, TokenInterner } from './intern';
import { bloomLayout, ENTRY_CHAPTER, ENTRY_DOCUMENT, pairHash, SegmentStore, type StoreArrays, type StoreDoc } from './store';
import type { DocumentKind, Labelled, LabelledFacet } from './types';

/** A speech segment as read from the database (or handed over by the importer), in document order. Indexes point into the catalog. */
export interface SourceSegment {
  segmentId: number;
  doc: number;
  /** index into catalog.chapterTitles, or -1 */
  chapter: number;
  /** index into catalog.labels.speaker, or -1 */
  speaker: number;
  /** ROLE code of the speaker (0 when unknown) */
  role: number;
  start: number | null;
  text: string;
  /** the text's token ids from the interner passed to buildIndex, when the caller tokenized it already (the importer tags topics on them) */
  ids?: ArrayLike<number>;
  topics: { topic: number; score: number }[];
}

export interface SourceCatalog {
  docs: { id: number; title: string; kind: DocumentKind; show: number; guests: number[] }[];
  chapterTitles: string[];
  /** the chapters Ladder titled itself (indexes into chapterTitles) */
  generatedChapters?: number[];
  labels: Record<LabelledFacet, Labelled[]>;
}

// Imported bindings are accessor calls once compiled to CommonJS or bundled (see rank.ts):
// these run once per token or segment of the archive, so they are module constants.
const hashPair = pairHash;
const OPENS_DOCUMENT = ENTRY_DOCUMENT;
const OPENS_CHAPTER = ENTRY_CHAPTER;
const near = nearHash;
const NO_TOKEN = NO_NEIGHBOUR;

export interface Built {
  store: SegmentStore;
}

/**
 * One pass over the segments: each text is tokenized once, straight into word
 * ids; the inverted index is then a counting sort of those ids (two passes over
 * integer arrays), and the pair filters and duplicate classes read the same
 * arrays. Nothing is tokenized twice and no per-word objects are made.
 */
export function buildIndex(catalog: SourceCatalog, segments: Iterable<SourceSegment>, opts: { interner?: TokenInterner; heads?: boolean } = {}): Built {
  const interner = opts.interner ?? new TokenInterner();
  const col = {
    segmentId: new Grow(Int32Array),
    doc: new Grow(Int32Array),
    chapter: new Grow(Int32Array),
    speaker: new Grow(Int32Array),
    role: new Grow(Uint8Array),
    start: new Grow(Int32Array),
    flags: new Grow(Uint8Array),
  };
  const tokens = new Grow(Uint32Array, 1 << 20);
  const tokOffsets = new Grow(Uint32Array);
  const topicOffsets = new Grow(Uint32Array);
  const topicIds = new Grow(Uint16Array);
  const topicScores = new Grow(Uint8Array);
  let prevDoc = -1;
  let prevChapter = -1;
  for (const s of segments) {
    const flags = (s.doc !== prevDoc ? OPENS_DOCUMENT : 0) | (s.chapter >= 0 && (s.chapter !== prevChapter || s.doc !== prevDoc) ? OPENS_CHAPTER : 0);
    prevDoc = s.doc;
    prevChapter = s.chapter;
    tokOffsets.push(tokens.length);
    if (s.ids) for (let i = 0; i < s.ids.length; i++) tokens.push(s.ids[i]!);
    else interner.addText(s.text, tokens);
    topicOffsets.push(topicIds.length);
    for (const t of s.topics) {
      topicIds.push(t.topic);
      topicScores.push(Math.round(Math.max(0, Math.min(1, t.score)) * 255));
    }
    col.segmentId.push(s.segmentId);
    col.doc.push(s.doc);
    col.chapter.push(s.chapter);
    col.speaker.push(s.speaker);
    col.role.push(s.role);
    col.start.push(s.start ?? -1);
    col.flags.push(flags);
  }
  tokOffsets.push(tokens.length);
  topicOffsets.push(topicIds.length);
  const n = col.segmentId.length;

  const titleIds = (text: string) => {
    const out: number[] = [];
    interner.addText(text, out);
    return out;
  };
  const docTitles = catalog.docs.map((d) => titleIds(d.title));
  const chapterTitles = catalog.chapterTitles.map(titleIds);
  const speakerNames = catalog.labels.speaker.map((l) => titleIds(l.label));

  // ids were handed out in order of appearance; renumber them in code-unit order (prefixes become id ranges)
  const words = interner.words;
  const order = words.map((_, i) => i).sort((x, y) => (words[x]! < words[y]! ? -1 : 1));
  const remap = new Uint32Array(words.length);
  order.forEach((old, sorted) => (remap[old] = sorted));
  const isStop = new Uint8Array(words.length);
  interner.stop.forEach((s, old) => (isStop[remap[old]!] = s));
  const re = (list: number[]) => list.map((id) => remap[id]!);

  const tok = tokens.done();
  const offsets = tokOffsets.done();
  const scan = scanTokens(tok, offsets, n, remap, isStop);
  const postings = fillPostings(tok, offsets, n, isStop, scan.postStart, scan.occurrences);
  const arrays: StoreArrays = {
    segmentId: col.segmentId.done(),
    doc: col.doc.done(),
    chapter: col.chapter.done(),
    speaker: col.speaker.done(),
    role: col.role.done(),
    start: col.start.done(),
    flags: col.flags.done(),
    len: scan.len,
    tokOffsets: offsets,
    tokens: tok,
    topicOffsets: topicOffsets.done(),
    topicIds: topicIds.done(),
    topicScores: topicScores.done(),
    pairBloom: scan.bloom,
    bloomOffsets: scan.bloomOffsets,
    postStart: scan.postStart,
    ...postings,
    ...scan.dups,
  };
  const docs: StoreDoc[] = catalog.docs.map((d, i) => ({ id: d.id, kind: d.kind, show: d.show, guests: d.guests, title: re(docTitles[i]!) }));
  const store = new SegmentStore(
    { n, avgLen: scan.avgLen, vocab: order.map((i) => words[i]!), docs, chapterTitles: chapterTitles.map(re), generatedChapters: catalog.generatedChapters ?? [], speakerNames: speakerNames.map(re), labels: catalog.labels },
    arrays,
  );
  if (opts.heads !== false) store.meta.heads = buildHeads(store);
  return { store };
}

/**
 * One pass over every token, segment by segment: renumber it, count the
 * segment's length (without stopwords), count each word's segments for the
 * inverted index, set the segment's pair filter, and hash its text for the
 * duplicate check. (Separate passes each read the 9 million tokens again.)
 */
function scanTokens(tok: Uint32Array, offsets: Uint32Array, n: number, remap: Uint32Array, isStop: Uint8Array) {
  const V = remap.length;
  const len = new Uint16Array(n);
  const postStart = new Uint32Array(V + 1);
  const occurrences = new Uint32Array(V + 1);
  const last = new Int32Array(V).fill(-1);
  const bloomOffsets = bloomLayout(offsets, n);
  const bloom = new Uint32Array(bloomOffsets[n]!);
  const dups = new DuplicateFinder(n);
  let sum = 0;
  for (let p = 0; p < n; p++) {
    const from = offsets[p]!;
    const to = offsets[p + 1]!;
    const at = bloomOffsets[p]!;
    const bits = (bloomOffsets[p + 1]! - at) * 32;
    let l = 0;
    let prev = -1;
    let h = 0x811c9dc5 | 0;
    for (let i = from; i < to; i++) {
      const id = remap[tok[i]!]!;
      tok[i] = id;
      h = Math.imul(h ^ id, 16777619);
      if (prev >= 0) {
        const bit = hashPair(prev, id) % bits;
        bloom[at + (bit >>> 5)]! |= 1 << (bit & 31);
      }
      prev = id;
      if (isStop[id] !== 0) continue;
      l++;
      occurrences[id + 1]!++;
      if (last[id] !== p) {
        last[id] = p;
        postStart[id + 1]!++;
      }
    }
    len[p] = l < 65535 ? l : 65535;
    sum += l;
    dups.add(p, h, tok, offsets);
  }
  for (let id = 0; id < V; id++) {
    postStart[id + 1]! += postStart[id]!;
    occurrences[id + 1]! += occurrences[id]!;
  }
  return { len, avgLen: n > 0 ? Math.max(1, sum / n) : 1, postStart, occurrences, bloom, bloomOffsets, dups: dups.done() };
}

/**
 * The inverted index by counting sort: with each word's segment and
 * occurrence counts known, fill in segment order so every word's list comes
 * out ascending, each posting with the word's positions in the segment
 * (counted without stopwords, which are left out of the index: they are in the
 * token store, which is what phrases are checked on).
 */
function fillPostings(tok: Uint32Array, offsets: Uint32Array, n: number, isStop: Uint8Array, postStart: Uint32Array, occurrences: Uint32Array): Pick<StoreArrays, 'postSeg' | 'postPosStart' | 'postPos' | 'postNear'> {
  const V = postStart.length - 1;
  const total = postStart[V]!;
  const postSeg = new Int32Array(total);
  const postPosStart = new Uint32Array(total + 1);
  const postPos = new Uint32Array(occurrences[V]!);
  const postNear = new Uint16Array(occurrences[V]!);
  postPosStart[total] = postPos.length;
  const cursor = postStart.slice(0, V);
  const at = occurrences.slice(0, V);
  const last = new Int32Array(V).fill(-1);
  for (let p = 0; p < n; p++) {
    let o = 0;
    const from = offsets[p]!;
    for (let i = from, to = offsets[p + 1]!; i < to; i++) {
      const id = tok[i]!;
      if (isStop[id] !== 0) continue;
      o++;
      postNear[at[id]!] = (near(i > from ? tok[i - 1]! : NO_TOKEN) << 8) | near(i + 1 < to ? tok[i + 1]! : NO_TOKEN);
      if (last[id] !== p) {
        last[id] = p;
        const k = cursor[id]!++;
        postSeg[k] = p;
        postPosStart[k] = at[id]!;
      }
      postPos[at[id]!++] = o;
    }
  }
  return { postSeg, postPosStart, postPos, postNear };
}
