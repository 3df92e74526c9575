/**
 * The chapter evaluation's data: documents whose chapters come from their
 * source, with those chapters hidden. Shared by `npm run bench` and the tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chunkWords } from '@/lib/text/sentences';
import { parseSource } from '@/lib/ingest/parse-source';
import type { ParsedDocument, ParsedSegment } from '@/lib/ingest/types';

export interface HiddenChapters {
  file: string;
  /** the document as if its source had no chapters */
  doc: ParsedDocument;
  /** the source's chapter starts after the first (the first is the document's start) */
  reference: number[];
  titles: string[];
}

/**
 * Parses a file and hides its chapters. Where the parser cut the text into
 * segments itself (no source turns), every chapter start falls on a cut, which
 * would give the answer away: the text is joined and cut again by words alone,
 * each new piece timed by interpolating the original times by word position.
 */
export function hideChapters(file: string): HiddenChapters | null {
  const result = parseSource({ bytes: fs.readFileSync(file), fileName: path.basename(file) });
  if (result.kind !== 'document' || result.doc.chapters.length < 2) return null;
  const doc = result.doc;
  if (doc.chapters.some((c) => c.startSeconds === null) || doc.segments.every((s) => s.startSeconds === null)) return null;
  const reference = doc.chapters.slice(1).map((c) => c.startSeconds!);
  const ownTurns = doc.segments.some((s) => s.turn !== undefined && s.turn !== null) || doc.segments.some((s) => s.speaker !== null);
  const segments = ownTurns ? doc.segments.map((s) => ({ ...s, chapterIndex: null })) : recut(doc.segments);
  return { file, doc: { ...doc, chapters: [], segments }, reference, titles: doc.chapters.map((c) => c.title) };
}

function recut(segments: readonly ParsedSegment[]): ParsedSegment[] {
  // word offset → time, from the original pieces
  const anchors: { word: number; seconds: number }[] = [];
  const words: string[] = [];
  for (const s of segments) {
    if (s.startSeconds !== null) anchors.push({ word: words.length, seconds: s.startSeconds });
    words.push(...s.text.split(/\s+/).filter(Boolean));
  }
  const timeAt = (w: number) => {
    let i = 0;
    while (i + 1 < anchors.length && anchors[i + 1]!.word <= w) i++;
    const a = anchors[i]!;
    const b = anchors[i + 1];
    if (!b || b.word === a.word) return a.seconds;
    return a.seconds + ((w - a.word) / (b.word - a.word)) * (b.seconds - a.seconds);
  };
  return chunkWords(words.join(' ')).map((c) => ({
    chapterIndex: null,
    speaker: null,
    startSeconds: Math.floor(timeAt(c.wordOffset)),
    estimated: true,
    text: c.text,
  }));
}
