import { slugify } from '../slug';
import type { CompiledTopic } from '../topics/taxonomy';
import { tagChapter, tagSegment, type TopicScore } from '../topics/tagger';
import { resolveSpeaker } from './speakers';
import type { DocumentKind, ParsedDocument, ParsedPerson, SegmentKind, TimeMark } from './types';

/** Rows for one document, still without database ids: `db/import` assigns those. */
export interface DocumentRows {
  document: {
    slugBase: string;
    kind: DocumentKind;
    title: string;
    description: string | null;
    summary: string | null;
    publishedOn: string | null;
    durationSeconds: number | null;
    mediaUrl: string | null;
    sourcePath: string;
    contentHash: string;
    format: string;
    episodeNumber: number | null;
    warnings: string[];
  };
  show: string | null;
  people: ParsedPerson[];
  chapters: {
    ordinal: number;
    title: string;
    anchor: string;
    startSeconds: number | null;
    endSeconds: number | null;
    estimated: boolean;
    generated: boolean;
    topics: TopicScore[];
  }[];
  segments: {
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
    topics: TopicScore[];
  }[];
}

const anonymousVoice = /^(?:speaker|spk|voice|unknown|narrator|host|guest|interviewer|interviewee)?[\s_-]*\d*$/i;

/** A label is a person's name when it reads like one ("Dana", "Dana Ortiz"), not "SPEAKER_01". */
function looksLikeName(label: string): boolean {
  return !anonymousVoice.test(label.trim()) && /^\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,3}$/u.test(label.trim());
}

function whole(n: number | null | undefined): number | null {
  return n === null || n === undefined || !Number.isFinite(n) ? null : Math.max(0, Math.floor(n));
}

export function reshapeDocument(
  parsed: ParsedDocument,
  source: { path: string; hash: string },
  taxonomy: readonly CompiledTopic[],
): DocumentRows {
  const people: ParsedPerson[] = [];
  const seen = new Set<string>();
  for (const p of parsed.people) {
    const key = `${p.role}\n${p.name.toLowerCase()}`;
    if (!seen.has(key)) people.push(p);
    seen.add(key);
  }
  const segments = parsed.segments.map((s, i) => {
    const person = resolveSpeaker(s.speaker, people);
    let speakerName = person?.name ?? null;
    if (!person && s.speaker && looksLikeName(s.speaker)) {
      // a named voice that the metadata did not list is still somebody: give them a person page
      people.push({ name: s.speaker.trim(), role: 'guest' });
      speakerName = s.speaker.trim();
    }
    return {
      ordinal: i,
      chapterOrdinal: s.chapterIndex,
      speakerName,
      speakerLabel: s.speaker,
      startSeconds: whole(s.startSeconds),
      estimated: s.estimated,
      text: s.text,
      kind: s.kind ?? 'speech',
      // formats without turns (prose, cues) count their segments as the source's units
      turn: s.turn === undefined ? i : s.turn,
      marks: s.marks && s.marks.length > 0 ? s.marks : null,
      topics: tagSegment(s.text, taxonomy),
    };
  });
  const usedAnchors = new Set<string>();
  // each chapter's texts, gathered in one pass (not one pass over all segments per chapter)
  const textsOf = parsed.chapters.map((): string[] => []);
  for (const s of segments) if (s.chapterOrdinal !== null) textsOf[s.chapterOrdinal]?.push(s.text);
  const chapters = parsed.chapters.map((c, i) => {
    let anchor = `ch-${slugify(c.title, 48)}`;
    if (usedAnchors.has(anchor)) anchor = `${anchor}-${i + 1}`;
    usedAnchors.add(anchor);
    const texts = textsOf[i]!;
    return {
      ordinal: i,
      title: c.title,
      anchor,
      startSeconds: whole(c.startSeconds),
      endSeconds: whole(c.endSeconds),
      estimated: c.estimated,
      generated: c.generated ?? false,
      topics: tagChapter(c.title, texts, taxonomy),
    };
  });
  return {
    document: {
      slugBase: slugify(parsed.title),
      kind: parsed.kind,
      title: parsed.title,
      description: parsed.description ?? null,
      summary: parsed.summary ?? null,
      publishedOn: parsed.publishedOn ?? null,
      durationSeconds: whole(parsed.durationSeconds),
      mediaUrl: parsed.mediaUrl ?? null,
      sourcePath: source.path,
      contentHash: source.hash,
      format: parsed.format,
      episodeNumber: parsed.episodeNumber ?? null,
      warnings: parsed.warnings,
    },
    show: parsed.show ?? null,
    people,
    chapters,
    segments,
  };
}
