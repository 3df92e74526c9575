/**
 * `speakers:` in a sidecar (NAME.meta.yaml or a folder's show.yaml) corrects
 * what the importer would decide about a label:
 *
 *   speakers:
 *     Adam: Adam Stacoviak     # this label is that person
 *     Breakmaster Cylinder: voice   # a voice: turns kept, no person page
 *     MUSIC: not a person
 *     Jane Roe: guest          # or host
 */
import { z } from 'zod';
import { cleanLabel } from '../text/names';
import type { ParsedDocument, SpeakerRole } from './types';

const ROLE_WORDS: Record<string, SpeakerRole> = { host: 'host', guest: 'guest', voice: 'voice', 'not a person': 'pseudo', pseudo: 'pseudo' };

export const speakersField = z.record(z.string().min(1), z.string().min(1));

/** Renames labels and records the roles a sidecar gives; later calls (the nearer sidecar) win. */
export function applySpeakerOverrides(doc: ParsedDocument, speakers: Record<string, string>): ParsedDocument {
  const rename = new Map<string, string>();
  const roles = new Map((doc.speakerRoles ?? []).map((r) => [r.label, r.role]));
  for (const [rawLabel, value] of Object.entries(speakers)) {
    const label = cleanLabel(rawLabel);
    const role = ROLE_WORDS[value.trim().toLowerCase()];
    if (role) roles.set(label, role);
    else rename.set(label, cleanLabel(value));
  }
  const segments =
    rename.size === 0
      ? doc.segments
      : doc.segments.map((s) => {
          const to = s.speaker ? rename.get(cleanLabel(s.speaker)) : undefined;
          return to ? { ...s, speaker: to } : s;
        });
  return { ...doc, segments, speakerRoles: [...roles].map(([label, role]) => ({ label, role })) };
}
