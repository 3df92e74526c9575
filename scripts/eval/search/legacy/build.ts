import { addRecord, createFlexDocument } from './flex';
import { ENTRY_CHAPTER, ENTRY_DOCUMENT, fillPairBloom, SegmentStore, type StoreArrays, type StoreDoc } from './store';
import { STOPWORDS, tokenize } from './tokenize';
import type { DocumentKind, Facet, Labelled, SearchRecord } from './types';

// read once per token of the archive: a module constant, not an import accessor (see tokens.ts)
const STOP = STOPWORDS;

/** A segment as read from the database, in document order. Indexes point into the catalog. */
export interface SourceSegment {
  segmentId: number;
  doc: number;
  /** index into catalog.chapterTitles, or -1 */
  chapter: number;
  /** index into catalog.labels.speaker, or -1 */
  speaker: number;
  start: number | null;
  text: string;
  topics: { topic: number; score: number }[];
}

export interface SourceCatalog {
  docs: { id: number; title: string; kind: DocumentKind; show: number; guests: number[] }[];
  chapterTitles: string[];
  labels: Record<Facet, Labelled[]>;
}

export type Built = { flex: ReturnType<typeof createFlexDocument>; store: SegmentStore };

/**
 * Two passes over the segments (the source is re-read rather than held in memory):
 * the first fills the token store and learns the average segment length, which the
 * second needs for FlexSearch's score slots.
 */
export function buildIndex(catalog: SourceCatalog, segments: () => Iterable<SourceSegment>): Built {
  const ids = new Map<string, number>();
  const idOf = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = ids.size));
    return id;
  };
  const cols = { segmentId: [] as number[], doc: [] as number[], chapter: [] as number[], speaker: [] as number[], start: [] as number[], flags: [] as number[], len: [] as number[] };
  const tokens = new Grow(Uint32Array);
  const tokOffsets = new Grow(Uint32Array);
  const topicOffsets = new Grow(Uint32Array);
  const topicIds = new Grow(Uint16Array);
  const topicScores = new Grow(Uint8Array);
  let lenSum = 0;
  let prevDoc = -1;
  let prevChapter = -1;
  for (const s of segments()) {
    const flags = (s.doc !== prevDoc ? ENTRY_DOCUMENT : 0) | (s.chapter >= 0 && (s.chapter !== prevChapter || s.doc !== prevDoc) ? ENTRY_CHAPTER : 0);
    prevDoc = s.doc;
    prevChapter = s.chapter;
    tokOffsets.push(tokens.length);
    let len = 0;
    for (const t of tokenize(s.text)) {
      tokens.push(idOf(t));
      if (!STOP.has(t)) len++;
    }
    topicOffsets.push(topicIds.length);
    for (const t of s.topics) {
      topicIds.push(t.topic);
      topicScores.push(Math.round(Math.max(0, Math.min(1, t.score)) * 255));
    }
    lenSum += len;
    cols.segmentId.push(s.segmentId);
    cols.doc.push(s.doc);
    cols.chapter.push(s.chapter);
    cols.speaker.push(s.speaker);
    cols.start.push(s.start ?? -1);
    cols.flags.push(flags);
    cols.len.push(Math.min(len, 65535));
  }
  tokOffsets.push(tokens.length);
  topicOffsets.push(topicIds.length);
  const n = cols.segmentId.length;
  const avgLen = n > 0 ? Math.max(1, lenSum / n) : 1;

  const titleIds = (text: string) => tokenize(text).map(idOf);
  const docTitles = catalog.docs.map((d) => titleIds(d.title));
  const chapterTitles = catalog.chapterTitles.map(titleIds);
  const speakerNames = catalog.labels.speaker.map((l) => titleIds(l.label));

  // ids were handed out in order of appearance; renumber them alphabetically
  const words = [...ids.keys()];
  const order = words.map((_, i) => i).sort((x, y) => (words[x]! < words[y]! ? -1 : 1));
  const remap = new Uint32Array(words.length);
  order.forEach((old, sorted) => (remap[old] = sorted));
  const tok = tokens.done();
  for (let i = 0; i < tok.length; i++) tok[i] = remap[tok[i]!]!;
  const re = (list: number[]) => list.map((id) => remap[id]!);

  const offsets = tokOffsets.done();
  const { bloom, bloomOffsets } = fillPairBloom(tok, offsets, n);
  const arrays: StoreArrays = {
    segmentId: Int32Array.from(cols.segmentId),
    doc: Int32Array.from(cols.doc),
    chapter: Int32Array.from(cols.chapter),
    speaker: Int32Array.from(cols.speaker),
    start: Int32Array.from(cols.start),
    flags: Uint8Array.from(cols.flags),
    len: Uint16Array.from(cols.len),
    tokOffsets: offsets,
    tokens: tok,
    topicOffsets: topicOffsets.done(),
    topicIds: topicIds.done(),
    topicScores: topicScores.done(),
    pairBloom: bloom,
    bloomOffsets,
  };
  const docs: StoreDoc[] = catalog.docs.map((d, i) => ({ id: d.id, kind: d.kind, show: d.show, guests: d.guests, title: re(docTitles[i]!) }));
  const store = new SegmentStore(
    { n, avgLen, vocab: order.map((i) => words[i]!), docs, chapterTitles: chapterTitles.map(re), speakerNames: speakerNames.map(re), labels: catalog.labels },
    arrays,
  );

  const flex = createFlexDocument(avgLen);
  let pos = 0;
  for (const s of segments()) {
    addRecord(flex, toRecord(pos, s, arrays.flags[pos]!, catalog));
    pos++;
  }
  if (pos !== n) throw new Error(`segments changed while indexing (${n} then ${pos})`);
  return { flex, store };
}

function toRecord(pos: number, s: SourceSegment, flags: number, c: SourceCatalog): SearchRecord {
  const doc = c.docs[s.doc]!;
  const speaker = s.speaker >= 0 ? c.labels.speaker[s.speaker] : undefined;
  return {
    id: pos,
    text: s.text,
    chapterTitle: flags & ENTRY_CHAPTER ? (c.chapterTitles[s.chapter] ?? '') : '',
    documentTitle: flags & ENTRY_DOCUMENT ? doc.title : '',
    speaker: speaker?.label ?? '',
    tags: {
      topic: s.topics.map((t) => c.labels.topic[t.topic]?.value ?? '').filter(Boolean),
      guest: doc.guests.map((g) => c.labels.guest[g]?.value ?? '').filter(Boolean),
      show: doc.show >= 0 ? (c.labels.show[doc.show]?.value ?? '') : '',
      speaker: speaker?.value ?? '',
      kind: doc.kind,
    },
  };
}

type TypedCtor<T> = { new (n: number): T };
class Grow<T extends Uint32Array | Uint16Array | Uint8Array> {
  private buf: T;
  length = 0;
  constructor(private readonly Ctor: TypedCtor<T>) {
    this.buf = new Ctor(1024);
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new this.Ctor(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  done(): T {
    return this.buf.slice(0, this.length) as T;
  }
}
