import type { SegmentKind, TimeMark } from '../ingest/types';
import type { Gazetteer } from './companies';
import type { LevelMap } from './levels';

/**
 * What moment extraction reads of one document: the shape of the importer's
 * rows (lib/ingest/reshape.ts DocumentRows), so it plugs in wherever those are.
 * Roles are what the document declares (or the archive resolved) for its people.
 */
export interface MomentInput {
  document: { publishedOn: string | null; description: string | null; summary: string | null };
  people: readonly { name: string; role: 'host' | 'guest' }[];
  chapters: readonly { ordinal: number; title: string; startSeconds: number | null; estimated: boolean; generated: boolean }[];
  segments: readonly {
    ordinal: number;
    chapterOrdinal: number | null;
    speakerName: string | null;
    speakerLabel: string | null;
    startSeconds: number | null;
    estimated: boolean;
    text: string;
    kind: SegmentKind;
    turn: number | null;
    marks: TimeMark[] | null;
  }[];
}

/** The level map and the gazetteer, loaded once per import. */
export interface CareerData {
  levels: LevelMap;
  companies: Gazetteer;
}
