import type { SpeakerRole } from '../ingest/types';

/** How a file or a sidecar names a person or label before any inference. */
export type DeclaredRole = SpeakerRole;

export interface SpeakerStat {
  /** the label as written (cleaned of invisible characters) */
  label: string;
  turns: number;
  /** words of speech; 0 for a label heard only in breaks, ads or sound */
  words: number;
}

/** One document as the resolver sees it. */
export interface DocSpeakers {
  /** the caller's key for the document */
  id: string;
  /** the show it belongs to (names are resolved within a show); null: the document stands alone */
  show: string | null;
  speakers: SpeakerStat[];
  /** names (or labels) the file, its sidecar or its folder's sidecar give a role */
  declared: { name: string; role: DeclaredRole }[];
}

export interface ResolvedSpeaker {
  label: string;
  /** the person's display name; null for voices and pseudo-speakers */
  person: string | null;
  role: SpeakerRole;
  declaredRole: DeclaredRole | null;
  turns: number;
  words: number;
  seconds: number;
  note: string | null;
}

export interface DocResolution {
  id: string;
  /** every label of the document, plus declared people who never speak (turns 0) */
  speakers: ResolvedSpeaker[];
  /** the document's hosts and guests, for pages */
  people: { name: string; role: 'host' | 'guest' }[];
}

export interface ResolutionReport {
  merged: { show: string | null; from: string; to: string; documents: number }[];
  hostsInferred: { show: string | null; name: string; documents: number }[];
  voices: { show: string | null; label: string; documents: number; maxSeconds: number }[];
  notPeople: { label: string; documents: number }[];
}
