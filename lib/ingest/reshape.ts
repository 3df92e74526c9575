import { slugify } from '../slug';
import type { Taxonomy } from '../topics/taxonomy';
import { tagDocument, type DocumentTopic, type SpeakerRole, type TopicScore } from '../topics/tagger';
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
  /** the topics the document is really on (several on-topic segments, or a chapter about it) */
  topics: DocumentTopic[];
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
  taxonomy: Taxonomy,
): DocumentRows {
  const people: ParsedPerson[] = [];
  for (const p of parsed.people) {
    if (!people.some((q) => q.name.toLowerCase() === p.name.toLowerCase() && q.role === p.role)) people.push(p);
  }
  const roles: (SpeakerRole | null)[] = [];
  const untagged = parsed.segments.map((s, i) => {
    const person = resolveSpeaker(s.speaker, people);
    let speakerName = person?.name ?? null;
    roles.push(person?.role ?? null);
    if (!person && s.speaker && looksLikeName(s.speaker)) {
      // a named voice that the metadata did not list is still somebody: give them a person page
      people.push({ name: s.speaker.trim(), role: 'guest' });
      speakerName = s.speaker.trim();
      roles[i] = 'guest';
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
    };
  });
  const tags = tagDocument(
    {
      segments: untagged.map((s, i) => ({ text: s.text, kind: s.kind, role: roles[i], chapter: s.chapterOrdinal })),
      chapters: parsed.chapters,
    },
    taxonomy,
  );
  const segments = untagged.map((s, i) => ({ ...s, topics: tags.segments[i] ?? [] }));
  const usedAnchors = new Set<string>();
  const chapters = parsed.chapters.map((c, i) => {
    let anchor = `ch-${slugify(c.title, 48)}`;
    if (usedAnchors.has(anchor)) anchor = `${anchor}-${i + 1}`;
    usedAnchors.add(anchor);
    return {
      ordinal: i,
      title: c.title,
      anchor,
      startSeconds: whole(c.startSeconds),
      endSeconds: whole(c.endSeconds),
      estimated: c.estimated,
      generated: c.generated ?? false,
      topics: tags.chapters[i] ?? [],
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
    topics: tags.document,
    chapters,
    segments,
  };
}
