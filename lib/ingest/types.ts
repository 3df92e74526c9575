/**
 * Raw parsed records: what a format parser makes of one file. They carry no
 * database ids; `lib/ingest/reshape.ts` turns them into rows.
 */
export type DocumentKind = 'episode' | 'brief' | 'article' | 'note';
export type PersonRole = 'host' | 'guest';

/** speech is what people say; the rest are turns that are kept and shown but never quoted */
export const SEGMENT_KINDS = ['speech', 'break', 'ad', 'sound'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** how a speaker label was resolved: a person (host, guest), a brief voice with no page, or not a person */
export const SPEAKER_ROLES = ['host', 'guest', 'voice', 'pseudo'] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

/** A time inside a segment's text: [char offset, seconds, 1 when given by the source | 0 when estimated]. */
export type TimeMark = [at: number, seconds: number, exact: 0 | 1];

export interface ParsedPerson {
  name: string;
  role: PersonRole;
  biggestRole?: string | null;
  currentCompany?: string | null;
  companySize?: string | null;
  careerStartYear?: number | null;
}

export interface ParsedChapter {
  title: string;
  startSeconds: number | null;
  endSeconds: number | null;
  /** true when the times were derived (word position, inferred end), not given */
  estimated: boolean;
  /** made by Ladder from the transcript, not given by the source or a sidecar */
  generated?: boolean;
}

export interface ParsedSegment {
  /** index into ParsedDocument.chapters, or null when the document has none */
  chapterIndex: number | null;
  /** speaker as written in the file ("Ryan", "SPEAKER_01"); resolved to people in reshape */
  speaker: string | null;
  startSeconds: number | null;
  estimated: boolean;
  text: string;
  /** default 'speech' */
  kind?: SegmentKind;
  /** index of the source turn (0-based, in file order); a turn split for length keeps it */
  turn?: number | null;
  /** exact or estimated times inside the text (inline stamps, cue starts), ascending */
  marks?: TimeMark[];
}

export interface ParsedDocument {
  /** detected format name, e.g. 'frontmatter-transcript', 'youtube-summary', 'srt' */
  format: string;
  kind: DocumentKind;
  title: string;
  /** the source gave no title: `title` is a stand-in, composed again once show and guests are known */
  titleIsFallback?: boolean;
  description?: string | null;
  summary?: string | null;
  show?: string | null;
  /** ISO date YYYY-MM-DD */
  publishedOn?: string | null;
  durationSeconds?: number | null;
  mediaUrl?: string | null;
  episodeNumber?: number | null;
  people: ParsedPerson[];
  /** what a sidecar says a speaker label is, beyond renaming it: a brief voice, not a person, or a role */
  speakerRoles?: { label: string; role: SpeakerRole }[];
  chapters: ParsedChapter[];
  segments: ParsedSegment[];
  warnings: string[];
}

export interface ParseContext {
  /** file name without folders, used for messages and as a last-resort title */
  fileName: string;
}

export interface FormatParser {
  name: string;
  /** decides by content alone; cheap, must not throw */
  detect(text: string): boolean;
  /** throws ParseError for malformed input */
  parse(text: string, ctx: ParseContext): ParsedDocument;
}

export class ParseError extends Error {
  constructor(
    message: string,
    public readonly line?: number,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}
