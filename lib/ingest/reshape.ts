import type { DocResolution, ResolvedSpeaker } from '../people/types';
import { cleanLabel, nameKey } from '../text/names';
import { slugify } from '../slug';
import type { Taxonomy } from '../topics/taxonomy';
import { tagDocument, type DocumentTopic, type TopicScore } from '../topics/tagger';
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
    fingerprint: string | null;
    warnings: string[];
  };
  show: string | null;
  /** hosts and guests, with the career facts the metadata gives */
  people: ParsedPerson[];
  /** every speaker label as resolved across the archive */
  speakers: ResolvedSpeaker[];
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
    /** the person (host or guest) who speaks; null for voices, pseudo-speakers and unlabelled text */
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

function whole(n: number | null | undefined): number | null {
  return n === null || n === undefined || !Number.isFinite(n) ? null : Math.max(0, Math.floor(n));
}

export function reshapeDocument(
  parsed: ParsedDocument,
  source: { path: string; hash: string; fingerprint?: string | null },
  taxonomy: Taxonomy,
  resolution: DocResolution,
): DocumentRows {
  const facts = new Map(parsed.people.map((p) => [nameKey(p.name), p]));
  const people: ParsedPerson[] = resolution.people.map((p) => ({ ...facts.get(nameKey(p.name)), name: p.name, role: p.role }));
  const personOf = new Map(resolution.speakers.filter((s) => s.person && (s.role === 'host' || s.role === 'guest')).map((s) => [s.label, s.person!]));
  const roleOf = new Map(resolution.speakers.map((s) => [s.label, s.role]));
  const untagged = parsed.segments.map((s, i) => {
    const label = s.speaker ? cleanLabel(s.speaker) || null : null;
    const kind = s.kind ?? 'speech';
    return {
      ordinal: i,
      chapterOrdinal: s.chapterIndex,
      speakerName: label ? (personOf.get(label) ?? null) : null,
      speakerLabel: label,
      startSeconds: whole(s.startSeconds),
      estimated: s.estimated,
      text: s.text,
      kind,
      // formats without turns (prose, cues) count their segments as the source's units
      turn: s.turn === undefined ? i : s.turn,
      marks: s.marks && s.marks.length > 0 ? s.marks : null,
    };
  });
  // the speaker's role as resolved across the archive: a guest's story outweighs a host's question,
  // and voices (ad reads, clips) and pseudo-speakers are never on a topic
  const tags = tagDocument(
    {
      segments: untagged.map((s) => ({ text: s.text, kind: s.kind, role: s.speakerLabel ? (roleOf.get(s.speakerLabel) ?? null) : null, chapter: s.chapterOrdinal })),
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
      fingerprint: source.fingerprint ?? null,
      warnings: parsed.warnings,
    },
    show: parsed.show ?? null,
    people,
    speakers: resolution.speakers,
    topics: tags.document,
    chapters,
    segments,
  };
}
