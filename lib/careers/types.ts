import type { Track } from './levels';

export const MOMENT_KINDS = ['promotion', 'joined', 'left', 'track', 'pip', 'layoff', 'founded'] as const;
export type MomentKind = (typeof MOMENT_KINDS)[number];

/** Where a moment was read: the guest's own words, a host's words to the guest, or prose about the guest. */
export const MOMENT_SOURCES = ['speech', 'question', 'summary', 'description'] as const;
export type MomentSource = (typeof MOMENT_SOURCES)[number];

/** One career moment of one guest, still without database ids. */
export interface Moment {
  kind: MomentKind;
  /** the guest it belongs to (a name from the document's people) */
  person: string;
  /** promotions: the steps of the level map (keys), as said or one step below the said level */
  fromLevel: string | null;
  toLevel: string | null;
  fromLabel: string | null;
  toLabel: string | null;
  /** the from-level was not said: a promotion is taken to be one step */
  fromInferred: boolean;
  /** the track the moment ends on (promotions and track switches) */
  track: Track | null;
  company: string | null;
  year: number | null;
  yearInferred: boolean;
  age: number | null;
  durationMonths: number | null;
  confidence: number;
  source: MomentSource;
  /** the segment (ordinal) the moment lands on, and its second; null when only a summary tells it */
  segmentOrdinal: number | null;
  seconds: number | null;
  estimated: boolean;
  speakerLabel: string | null;
  speakerRole: 'host' | 'guest' | null;
  /** the words it was read from (untrusted text: rendered as text) */
  quote: string;
}
