/**
 * The import's CPU work on one document, with no database: parsing a file and
 * shaping its rows. The same functions run in this process or in worker
 * threads (db/import/worker-pool.ts) when a large import can use both cores.
 */
import fs from 'node:fs';
import { applyGeneratedChapters, chapterInputOf, wantsGeneratedChapters } from '@/lib/chapters/parsed';
import { prepareDocument, type PreparedDocument } from '@/lib/chapters/prepare';
import { TermStats } from '@/lib/chapters/terms';
import { isAdRead } from '@/lib/ingest/ads';
import { sketchText } from '@/lib/ingest/fingerprint';
import type { FolderMeta } from '@/lib/ingest/folder-sidecar';
import { parseSource } from '@/lib/ingest/parse-source';
import { extractMoments } from '@/lib/careers/extract';
import { reshapeDocument, type DocumentRows } from '@/lib/ingest/reshape';
import { currentCareerData } from '../career-data';
import { ParseError, type ParsedDocument, type SpeakerRole } from '@/lib/ingest/types';
import { speakerStats } from '@/lib/people/stats';
import type { DocResolution, SpeakerStat } from '@/lib/people/types';
import { parseTaxonomy, type Taxonomy } from '@/lib/topics/taxonomy';

export interface ParseInput {
  /** the file's path: names the document between the parse and the shaping */
  key: string;
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
    return { kind: 'document', doc, sketch, speakers: speakerStats(doc), terms: documentTerms(input.key, doc) };
  } catch (err) {
    return { kind: 'error', message: err instanceof Error ? err.message : String(err), line: err instanceof ParseError ? (err.line ?? null) : null };
  }
}

/**
 * This thread's term ids. A document is tokenized for its chapters once, when it
 * is parsed: its distinct terms go back for the archive's frequencies, and the
 * tokens wait here for the frequencies to come back before titles are weighed.
 */
const vocabulary = new TermStats();
const prepared = new Map<string, PreparedDocument>();
/** parsed documents waiting in a worker for their shaping (this process keeps its own objects) */
const parsedHere = new Map<string, ParsedDocument>();
let haveFrequencies = false;

function documentTerms(key: string, doc: ParsedDocument): string[] {
  const p = prepareDocument(chapterInputOf(doc), vocabulary);
  if (wantsGeneratedChapters(doc)) prepared.set(key, p);
  return Array.from(p.vocab, (id) => vocabulary.term(id));
}

/** The archive's frequencies for this run (sent once to each worker); documents not shaped next are dropped. */
export function loadTermStats(entries: Iterable<readonly [string, number]>, docs: number, keep: readonly string[]): void {
  vocabulary.resetFrequencies();
  for (const [term, df] of entries) vocabulary.setFrequency(term, df);
  vocabulary.docs = docs;
  haveFrequencies = true;
  const kept = new Set(keep);
  for (const key of prepared.keys()) if (!kept.has(key)) prepared.delete(key);
  for (const key of parsedHere.keys()) if (!kept.has(key)) parsedHere.delete(key);
}

/** In this process: the import's own counts, copied into this thread's ids. */
export function adoptTermStats(stats: TermStats, keep: readonly string[]): void {
  loadTermStats(stats.entries(), stats.docs, keep);
}

/** The roles and kinds the archive step settled, on tokens prepared before it ran. */
function settled(p: PreparedDocument, doc: ParsedDocument, roles: ReadonlyMap<string, SpeakerRole>): PreparedDocument {
  p.input.segments.forEach((s, i) => {
    s.role = s.speaker === null ? null : (roles.get(s.speaker) ?? s.role);
    s.kind = doc.segments[i]?.kind ?? s.kind;
  });
  for (const u of p.units) {
    u.role = p.input.segments[u.first]!.role;
    u.kind = p.input.segments[u.first]!.kind;
  }
  return p;
}

export interface ReshapeInput {
  key: string;
  /** the document, or null in a worker that parsed it and keeps it; `patch` then says what changed since */
  doc: ParsedDocument | null;
  patch: { title: string; ads: number[] };
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
/** Parse in a worker: the document stays there for its shaping, and a copy goes back for the archive step. */
export function parseJobKeeping(input: ParseInput): ParseOutput {
  const out = parseJob(input);
  if (out.kind === 'document') parsedHere.set(input.key, out.doc);
  return out;
}

export function reshapeJob(input: ReshapeInput): DocumentRows {
  let doc = input.doc ?? parsedHere.get(input.key);
  parsedHere.delete(input.key);
  if (!doc) throw new Error(`${input.key}: nothing parsed to shape`);
  if (!input.doc) {
    doc.title = input.patch.title;
    for (const i of input.patch.ads) if (doc.segments[i]) doc.segments[i].kind = 'ad';
  }
  const tokens = prepared.get(input.key);
  prepared.delete(input.key);
  if (haveFrequencies && wantsGeneratedChapters(doc)) {
    const roles = new Map(input.resolution.speakers.map((s) => [s.label, s.role]));
    const p = tokens ? settled(tokens, doc, roles) : prepareDocument(chapterInputOf(doc, roles), vocabulary);
    doc = applyGeneratedChapters(doc, p, vocabulary);
  }
  const rows = reshapeDocument(doc, input.source, taxonomyAt(input.taxonomyPath), input.resolution);
  // career moments need the resolved roles, which the rows now carry: read them here, on the worker
  return { ...rows, moments: extractMoments(rows, currentCareerData()) };
}
