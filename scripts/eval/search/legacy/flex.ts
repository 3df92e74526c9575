import { Document } from 'flexsearch';
import { RESOLUTION, makeSlotScorer } from './score';
import { encodeForIndex } from './tokenize';
import type { Facet, SearchRecord } from './types';

/**
 * The FlexSearch side: one Document index over segments, four searchable fields,
 * five tag fields, no stored text (SQLite has it; storing it also broke export at
 * scale). Options were chosen by measurement (see README, Performance):
 * - tokenize "strict": prefixes come from the sorted vocabulary instead of
 *   "forward", which tripled the heap;
 * - our own encoder (tokenize.ts), since the default one folds repeated letters
 *   ("good" → "god"); typos are handled on the vocabulary instead;
 * - no `context`: it broke AND recall and needed ~3 GB; phrases are checked on the
 *   token store;
 * - text `resolution` 8 with a BM25 slot function; titles and speaker resolution 1
 *   (they are short: a match is a match).
 */
export const FIELDS = ['text', 'chapterTitle', 'documentTitle', 'speaker'] as const;
export type Field = (typeof FIELDS)[number];

const TAG_FIELD: Record<Facet, string> = {
  topic: 'tags:topic',
  guest: 'tags:guest',
  show: 'tags:show',
  speaker: 'tags:speaker',
  kind: 'tags:kind',
};

/** One term's ids per score slot, as FlexSearch keeps them (slots may be holes). */
export type Slots = ReadonlyArray<readonly number[] | undefined>;

// FlexSearch's typings describe the public API only; the engine reads the posting
// lists and tag lists it built, through this narrow view checked at load.
interface FlexInternals {
  index: Map<string, { map: Map<string, Slots> }>;
  tag: Map<string, Map<string, number[]>> | null;
}

type FlexDocument = Document;

export function createFlexDocument(avgLen: number): FlexDocument {
  const encode = (text: string) => encodeForIndex(text);
  const short = { encode, tokenize: 'strict' as const, resolution: 1 };
  return new Document({
    document: {
      id: 'id',
      index: [
        { field: 'text', encode, tokenize: 'strict', resolution: RESOLUTION, score: makeSlotScorer(avgLen) },
        { field: 'chapterTitle', ...short },
        { field: 'documentTitle', ...short },
        { field: 'speaker', ...short },
      ],
      tag: Object.values(TAG_FIELD).map((field) => ({ field })),
      store: false,
    },
  } as ConstructorParameters<typeof Document>[0]);
}

export function addRecord(doc: FlexDocument, record: SearchRecord): void {
  doc.add(record as unknown as Parameters<FlexDocument['add']>[0]);
}

/** FlexSearch's export is synchronous when the handler is; chunks come back in the order to import them. */
export function exportFlex(doc: FlexDocument): { key: string; data: string }[] {
  const chunks: { key: string; data: string }[] = [];
  doc.export((key: string, data: string) => {
    chunks.push({ key, data });
  });
  return chunks;
}

export function importFlex(chunks: Iterable<{ key: string; data: string }>): FlexDocument {
  const steps = importFlexSteps(chunks);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same, one chunk per step, so a caller can give way to other work between chunks. */
export function* importFlexSteps(chunks: Iterable<{ key: string; data: string }>): Generator<void, FlexDocument> {
  // avgLen only matters while adding; an imported index is never added to
  const doc = createFlexDocument(1);
  for (const c of chunks) {
    doc.import(c.key, c.data);
    yield;
  }
  return doc;
}

/** Read access to what the engine needs, with a shape check so a FlexSearch upgrade fails loudly at load. */
export class FlexView {
  private readonly maps: Map<Field, Map<string, Slots>>;
  private readonly tags: Map<Facet, Map<string, number[]>>;

  constructor(doc: FlexDocument) {
    const inner = doc as unknown as FlexInternals;
    if (!(inner.index instanceof Map)) throw new Error('unexpected FlexSearch Document shape (index)');
    this.maps = new Map();
    for (const f of FIELDS) {
      const map = inner.index.get(f)?.map;
      if (!(map instanceof Map)) throw new Error(`unexpected FlexSearch Document shape (field ${f})`);
      this.maps.set(f, map);
    }
    this.tags = new Map();
    for (const [facet, field] of Object.entries(TAG_FIELD) as [Facet, string][]) {
      this.tags.set(facet, inner.tag?.get(field) ?? new Map());
    }
  }

  slots(field: Field, term: string): Slots | undefined {
    return this.maps.get(field)!.get(term);
  }

  /** Ids carrying a tag value, or undefined when no segment has it. */
  tagged(facet: Facet, value: string): readonly number[] | undefined {
    return this.tags.get(facet)!.get(value);
  }
}

export function slotsLength(slots: Slots | undefined): number {
  if (!slots) return 0;
  let n = 0;
  for (const ids of slots) if (ids) n += ids.length;
  return n;
}
