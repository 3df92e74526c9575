/**
 * The import's CPU work on one document, with no database: parsing a file and
 * shaping its rows. The same functions run in this process or in worker
 * threads (db/import/worker-pool.ts) when a large import can use both cores.
 */
import fs from 'node:fs';
import { applyGeneratedChapters, chapterInputOf, wantsGeneratedChapters } from '@/lib/chapters/parsed';
import { prepareDocument } from '@/lib/chapters/prepare';
import { TermStats } from '@/lib/chapters/terms';
import { isAdRead } from '@/lib/ingest/ads';
import { sketchText } from '@/lib/ingest/fingerprint';
import type { FolderMeta } from '@/lib/ingest/folder-sidecar';
import { parseSource } from '@/lib/ingest/parse-source';
import { reshapeDocument, type DocumentRows } from '@/lib/ingest/reshape';
import { ParseError, type ParsedDocument } from '@/lib/ingest/types';
import { speakerStats } from '@/lib/people/stats';
import type { DocResolution, SpeakerStat } from '@/lib/people/types';
import { parseTaxonomy, type Taxonomy } from '@/lib/topics/taxonomy';

export interface ParseInput {
  bytes: Uint8Array;
  fileName: string;
  metaBytes: Uint8Array | null;
  chaptersBytes: Uint8Array | null;
  folder: { meta: FolderMeta; show: string | null };
}

export type ParseOutput =
  | { kind: 'document'; doc: ParsedDocument; sketch: number[]; speakers: SpeakerStat[]; terms: string[] }
  | { kind: 'taxonomy' }
  | { kind: 'error'; message: string; line: number | null };

export function parseJob(input: ParseInput): ParseOutput {
  try {
    const source = parseSource(input);
    if (source.kind === 'taxonomy') return { kind: 'taxonomy' };
    const doc = source.doc;
    // a host reading a sponsor message is speech of kind 'ad': shown, never quoted
    for (const s of doc.segments) if ((s.kind ?? 'speech') === 'speech' && isAdRead(s.text)) s.kind = 'ad';
    const sketch = sketchText(doc.segments.filter((s) => (s.kind ?? 'speech') === 'speech').map((s) => s.text));
    return { kind: 'document', doc, sketch, speakers: speakerStats(doc), terms: documentTerms(doc) };
  } catch (err) {
    return { kind: 'error', message: err instanceof Error ? err.message : String(err), line: err instanceof ParseError ? (err.line ?? null) : null };
  }
}

/** This thread's word ids for counting a document's terms (ids are local; the terms go back as text). */
const vocabulary = new TermStats();

/** The distinct content terms of a document, for the archive's document frequencies. */
function documentTerms(doc: ParsedDocument): string[] {
  const prepared = prepareDocument(chapterInputOf(doc), vocabulary);
  return Array.from(prepared.vocab, (id) => vocabulary.term(id));
}

/** The archive's frequencies that chapter titles are weighed against, for this run. */
let frequencies: TermStats | null = null;

/** In this process: the import's own object. */
export function adoptTermStats(stats: TermStats): void {
  frequencies = stats;
}

/** In a worker: a copy sent once per run, after every document was counted. */
export function loadTermStats(entries: readonly [string, number][], docs: number): void {
  const stats = new TermStats();
  for (const [term, df] of entries) stats.setFrequency(term, df);
  stats.docs = docs;
  frequencies = stats;
}

export interface ReshapeInput {
  doc: ParsedDocument;
  source: { path: string; hash: string; fingerprint: string | null };
  resolution: DocResolution;
  taxonomyPath: string;
}

const taxonomies = new Map<string, Taxonomy>();

/** Each process reads the taxonomy once. */
function taxonomyAt(file: string): Taxonomy {
  let t = taxonomies.get(file);
  if (!t) {
    t = parseTaxonomy(fs.readFileSync(file, 'utf8'), file);
    taxonomies.set(file, t);
  }
  return t;
}

/** Chapters where the source has none (lib/chapters), then topics and rows. */
export function reshapeJob(input: ReshapeInput): DocumentRows {
  let doc = input.doc;
  if (frequencies && wantsGeneratedChapters(doc)) {
    const roles = new Map(input.resolution.speakers.map((s) => [s.label, s.role]));
    doc = applyGeneratedChapters(doc, prepareDocument(chapterInputOf(doc, roles), frequencies), frequencies);
  }
  return reshapeDocument(doc, input.source, taxonomyAt(input.taxonomyPath), input.resolution);
}
