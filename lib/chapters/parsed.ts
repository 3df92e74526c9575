import type { ParsedDocument, ParsedPerson, SpeakerRole } from '../ingest/types';
import { generateFromPrepared } from './generate';
import { prepareDocument, type PreparedDocument } from './prepare';
import type { TermStats } from './terms';
import type { ChapterInput } from './types';

/**
 * The generator's view of a parsed document. Roles come from `roles` (label →
 * role, as the archive-wide speaker resolution decided) when given, else from
 * the document's own people list.
 */
export function chapterInputOf(doc: ParsedDocument, roles?: ReadonlyMap<string, SpeakerRole>): ChapterInput {
  return {
    durationSeconds: doc.durationSeconds ?? null,
    segments: doc.segments.map((s, i) => ({
      text: s.text,
      speaker: s.speaker,
      role: s.speaker === null ? null : (roles?.get(s.speaker) ?? declaredRole(s.speaker, doc.people)),
      kind: s.kind ?? 'speech',
      startSeconds: s.startSeconds,
      estimated: s.estimated,
      // formats without turns count each segment as one (as reshape does)
      turn: s.turn === undefined ? i : s.turn,
    })),
  };
}

/** A label's role from the document's own people list: the full name, or a first name only one of them has. */
function declaredRole(label: string, people: readonly ParsedPerson[]): SpeakerRole | null {
  const wanted = label.trim().toLowerCase();
  const full = people.find((p) => p.name.toLowerCase() === wanted);
  if (full) return full.role;
  const first = people.filter((p) => p.name.toLowerCase().split(/\s+/)[0] === wanted);
  return first.length === 1 ? first[0]!.role : null;
}

/** Whether the importer should make chapters for this document: it has none of its own, and it is a timed episode. */
export function wantsGeneratedChapters(doc: ParsedDocument): boolean {
  return doc.chapters.length === 0 && doc.kind === 'episode' && doc.segments.some((s) => s.startSeconds !== null);
}

/**
 * The document with generated chapters and every segment's chapter
 * index set. A document with chapters of its own (from the source or a sidecar)
 * comes back unchanged.
 */
export function applyGeneratedChapters(doc: ParsedDocument, prepared: PreparedDocument | null, stats: TermStats): ParsedDocument {
  if (!prepared || !wantsGeneratedChapters(doc)) return doc;
  const generated = generateFromPrepared(prepared, stats);
  if (generated.length === 0) return doc;
  const span = doc.durationSeconds ?? null;
  const chapters = generated.map((c, i) => ({
    title: c.title,
    startSeconds: c.startSeconds,
    endSeconds: generated[i + 1]?.startSeconds ?? span,
    estimated: c.estimated,
    generated: true,
  }));
  let k = 0;
  const segments = doc.segments.map((s, i) => {
    while (k + 1 < generated.length && generated[k + 1]!.segmentIndex <= i) k++;
    return { ...s, chapterIndex: k };
  });
  return { ...doc, chapters, segments };
}

/** For one document on its own: counts it into the archive's frequencies, then generates. */
export function withGeneratedChapters(doc: ParsedDocument, stats: TermStats, roles?: ReadonlyMap<string, SpeakerRole>): ParsedDocument {
  const prepared = prepareDocument(chapterInputOf(doc, roles), stats);
  stats.addDocument(prepared.vocab);
  return applyGeneratedChapters(doc, prepared, stats);
}
