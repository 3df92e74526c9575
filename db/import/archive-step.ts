/**
 * What an import decides about the changed files together, against what the
 * database already holds: ad reads, duplicates (the first file of an episode
 * wins), people resolved across each show, and titles for untitled files.
 */
import type { LadderDb } from '../client';
import { isAdRead } from '@/lib/ingest/ads';
import { DuplicateFinder } from '@/lib/ingest/duplicates';
import { sketchFromHex, sketchText, sketchToHex } from '@/lib/ingest/fingerprint';
import { composeTitle } from '@/lib/ingest/titles';
import type { ParsedDocument } from '@/lib/ingest/types';
import { resolvePeople } from '@/lib/people/resolve';
import { speakerStats } from '@/lib/people/stats';
import type { DocResolution, DocSpeakers, ResolutionReport } from '@/lib/people/types';
import type { SourceFile } from './collect-files';
import { loadStoredSpeakers, resolutionChanged, storedId } from './stored-people';
import { markSponsorVoices } from './sponsor-voices';

export interface ParsedFile {
  file: SourceFile;
  hash: string;
  /** the document this file had before this run */
  previousId: number | null;
  doc: ParsedDocument;
}

export interface PlannedDocument extends ParsedFile {
  fingerprint: string;
  resolution: DocResolution;
}

export interface ArchivePlan {
  write: PlannedDocument[];
  duplicates: { parsed: ParsedFile; of: { file: string; documentId: number | null }; reason: string }[];
  /** stored documents whose speakers resolve differently now */
  restated: { documentId: number; resolution: DocResolution }[];
  people: ResolutionReport;
}

const batchId = (i: number) => `new:${i}`;

export function planArchive(ladder: LadderDb, parsed: ParsedFile[]): ArchivePlan {
  for (const p of parsed) markAds(p.doc);
  const sketches = parsed.map((p) => sketchText(p.doc.segments.filter((s) => (s.kind ?? 'speech') === 'speech').map((s) => s.text)));

  const replaced = new Set(parsed.flatMap((p) => (p.previousId === null ? [] : [p.previousId])));
  const stored = ladder.sqlite
    .prepare(
      `SELECT d.id, d.source_path AS sourcePath, d.media_url AS mediaUrl, d.fingerprint, d.title, d.episode_number AS episode,
         (SELECT json_group_array(p.name) FROM document_people dp JOIN people p ON p.id = dp.person_id WHERE dp.document_id = d.id AND dp.role = 'guest') AS guests
       FROM documents d`,
    )
    .all() as { id: number; sourcePath: string; mediaUrl: string | null; fingerprint: string | null; title: string; episode: number | null; guests: string }[];
  const storedById = new Map(stored.map((d) => [storedId(d.id), d]));
  const finder = new DuplicateFinder(
    stored
      .filter((d) => !replaced.has(d.id))
      .map((d) => ({
        id: storedId(d.id),
        mediaUrl: d.mediaUrl,
        sketch: sketchFromHex(d.fingerprint),
        identity: { title: d.title, episode: d.episode, guests: JSON.parse(d.guests) as string[] },
      })),
  );
  const duplicates: ArchivePlan['duplicates'] = [];
  const kept: number[] = [];
  parsed.forEach((p, i) => {
    const identity = {
      title: p.doc.titleIsFallback ? null : p.doc.title,
      episode: p.doc.episodeNumber ?? null,
      guests: p.doc.people.filter((x) => x.role === 'guest').map((x) => x.name),
    };
    const candidate = { id: batchId(i), mediaUrl: p.doc.mediaUrl ?? null, sketch: sketches[i]!, identity };
    const match = finder.find(candidate);
    if (!match) {
      finder.add(candidate);
      kept.push(i);
      return;
    }
    const original = storedById.get(match.of);
    const of = original
      ? { file: original.sourcePath, documentId: original.id }
      : { file: parsed[Number(match.of.slice(4))]!.file.path, documentId: null };
    duplicates.push({ parsed: p, of, reason: match.reason });
  });

  const shows = new Set(kept.flatMap((i) => (parsed[i]!.doc.show ? [parsed[i]!.doc.show!] : [])));
  const { docs: storedDocs, current } = loadStoredSpeakers(ladder.sqlite, shows, replaced);
  const batchDocs: DocSpeakers[] = kept.map((i) => speakersOf(batchId(i), parsed[i]!.doc));
  const { docs: resolved, report } = resolvePeople([...storedDocs, ...batchDocs]);
  const byId = new Map(resolved.map((r) => [r.id, r]));

  const write = kept.map((i): PlannedDocument => {
    const p = parsed[i]!;
    const resolution = byId.get(batchId(i))!;
    if (p.doc.titleIsFallback) {
      const guests = resolution.people.filter((x) => x.role === 'guest').map((x) => x.name);
      p.doc.title = composeTitle({ show: p.doc.show ?? null, episodeNumber: p.doc.episodeNumber ?? null, guests, fallback: p.doc.title });
    }
    markSponsorVoices(p.doc, resolution);
    return { ...p, fingerprint: sketchToHex(sketches[i]!), resolution };
  });
  const restated = storedDocs
    .map((d) => ({ documentId: Number(d.id.slice(3)), resolution: byId.get(d.id)! }))
    .filter((r) => resolutionChanged(r.resolution, current.get(storedId(r.documentId))));
  return { write, duplicates, restated, people: report };
}

function speakersOf(id: string, doc: ParsedDocument): DocSpeakers {
  return {
    id,
    show: doc.show ?? null,
    speakers: speakerStats(doc),
    declared: [...doc.people.map((p) => ({ name: p.name, role: p.role })), ...(doc.speakerRoles ?? []).map((r) => ({ name: r.label, role: r.role }))],
  };
}

/** A host reading a sponsor message is speech of kind 'ad': shown, never quoted. */
function markAds(doc: ParsedDocument): void {
  for (const s of doc.segments) if ((s.kind ?? 'speech') === 'speech' && isAdRead(s.text)) s.kind = 'ad';
}
