/**
 * The import's CPU work on one document, with no database: parsing a file and
 * shaping its rows. The same functions run in this process or in worker
 * threads (db/import/worker-pool.ts) when a large import can use both cores.
 */
import fs from 'node:fs';
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
  | { kind: 'document'; doc: ParsedDocument; sketch: number[]; speakers: SpeakerStat[] }
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
    return { kind: 'document', doc, sketch, speakers: speakerStats(doc) };
  } catch (err) {
    return { kind: 'error', message: err instanceof Error ? err.message : String(err), line: err instanceof ParseError ? (err.line ?? null) : null };
  }
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

export function reshapeJob(input: ReshapeInput): DocumentRows {
  return reshapeDocument(input.doc, input.source, taxonomyAt(input.taxonomyPath), input.resolution);
}
