/**
 * Chapter generation works on plain records, with no database or framework:
 * a document's segments in order, and what the archive says about its words.
 */
export type ChapterSpeakerRole = 'host' | 'guest' | 'voice' | 'pseudo';
export type ChapterSegmentKind = 'speech' | 'break' | 'ad' | 'sound';

export interface ChapterInputSegment {
  text: string;
  /** the speaker as written; null for captions without speakers */
  speaker: string | null;
  /** how the speaker was resolved, when known */
  role: ChapterSpeakerRole | null;
  kind: ChapterSegmentKind;
  startSeconds: number | null;
  estimated: boolean;
  /** index of the source turn; segments of one turn share it (null: every segment is its own turn) */
  turn: number | null;
}

export interface ChapterInput {
  segments: ChapterInputSegment[];
  durationSeconds: number | null;
}

export interface GeneratedChapter {
  title: string;
  startSeconds: number;
  /** index of the segment the chapter starts at (always the first segment of a turn) */
  segmentIndex: number;
  /** the start time was estimated (it is the estimated time of its first segment) */
  estimated: boolean;
  generated: true;
}
