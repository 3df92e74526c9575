/**
 * The speakers of documents already in the database, for resolving people
 * across the whole archive when only some files changed, and the writes that
 * bring a stored document in line when the new resolution says otherwise (a
 * show grew a recurring host, a first name found its full name).
 */
import type Database from 'better-sqlite3';
import type { DocResolution, DocSpeakers, ResolvedSpeaker } from '@/lib/people/types';
import type { SpeakerRole } from '@/lib/ingest/types';
import { slugify } from '@/lib/slug';

export const storedId = (documentId: number) => `db:${documentId}`;

interface SpeakerRow {
  documentId: number;
  show: string | null;
  label: string;
  role: SpeakerRole;
  personName: string | null;
  declaredRole: SpeakerRole | null;
  turns: number;
  words: number;
}

/** Stored documents of these shows (by name), minus those this run replaces. */
export function loadStoredSpeakers(sqlite: Database.Database, shows: ReadonlySet<string>, replaced: ReadonlySet<number>): {
  docs: DocSpeakers[];
  current: Map<string, Map<string, { person: string | null; role: SpeakerRole }>>;
} {
  const docs = new Map<number, DocSpeakers>();
  const current = new Map<string, Map<string, { person: string | null; role: SpeakerRole }>>();
  if (shows.size === 0) return { docs: [], current };
  const rows = sqlite
    .prepare(
      `SELECT d.id AS documentId, sh.name AS show, ds.label, ds.role, p.name AS personName, ds.declared_role AS declaredRole, ds.turns, ds.words
       FROM documents d JOIN shows sh ON sh.id = d.show_id JOIN document_speakers ds ON ds.document_id = d.id
       LEFT JOIN people p ON p.id = ds.person_id
       WHERE sh.slug IN (SELECT value FROM json_each(?)) ORDER BY d.id`,
    )
    .all(JSON.stringify([...shows].map((s) => slugify(s)))) as SpeakerRow[];
  for (const r of rows) {
    if (replaced.has(r.documentId)) continue;
    const id = storedId(r.documentId);
    const doc = docs.get(r.documentId) ?? { id, show: r.show, speakers: [], declared: [] };
    docs.set(r.documentId, doc);
    if (r.turns > 0) doc.speakers.push({ label: r.label, turns: r.turns, words: r.words });
    if (r.declaredRole) doc.declared.push({ name: r.label, role: r.declaredRole });
    const map = current.get(id) ?? new Map();
    map.set(r.label, { person: r.personName, role: r.role });
    current.set(id, map);
  }
  return { docs: [...docs.values()], current };
}

/** True when a stored document's speakers resolve differently now. */
export function resolutionChanged(now: DocResolution, before: Map<string, { person: string | null; role: SpeakerRole }> | undefined): boolean {
  if (!before || before.size !== now.speakers.length) return true;
  return now.speakers.some((s: ResolvedSpeaker) => {
    const b = before.get(s.label);
    return !b || b.role !== s.role || b.person !== s.person;
  });
}
