/**
 * Markdown transcripts with bold speaker labels, as podcast sites publish them:
 * `**Name:** text` starts a turn, unlabelled paragraphs continue it, inline
 * stamps (`\[00:04:22.21\]`) time the place they stand, and the rest is
 * estimated by word position. Optional YAML front matter and a `# Title`
 * give metadata; files usually have neither, so the title is composed later
 * from the show, the episode number and the guests (lib/ingest/titles.ts).
 */
import { segmentKindOf } from '@/lib/people/labels';
import { cleanLabel } from '@/lib/text/names';
import { markdownToPlainLine } from '@/lib/text/markdown';
import { episodeMeta, type EpisodeMeta } from '../text/episode-fields';
import { frontMatterStart, readFrontMatter } from '../text/front-matter';
import { extractInlineStamps } from '../text/inline-stamps';
import { parseBoldBody, rawParagraphs, startsWithBoldLabel, type RawParagraph } from '../text/bold-turns';
import { splitLines } from '../text/paragraphs';
import { refuseTooManyHeadings } from '../text/turns';
import { settleTurnTimes, type TurnTimingInput } from '../turn-times';
import type { FormatParser, ParsedChapter, ParsedDocument, ParsedPerson, ParsedSegment, SegmentKind } from '../types';
import { ParseError } from '../types';

// enough for a dozen turns; the whole file is read once, by parse
const DETECT_WINDOW = 16_000;

export const markdownTranscript: FormatParser = {
  name: 'markdown-transcript',

  detect(text) {
    const paragraphs = rawParagraphs(splitLines(text.slice(0, DETECT_WINDOW)));
    const labelled = paragraphs.filter((p) => startsWithBoldLabel(p.raw)).length;
    return labelled >= 3 && labelled >= paragraphs.length * 0.1;
  },

  parse(text) {
    refuseTooManyHeadings(text);
    const lines = splitLines(text);
    const fm = frontMatterStart(lines) === null ? null : readFrontMatter(lines);
    const meta = fm ? episodeMeta(fm) : null;
    const bodyStart = fm?.bodyStart ?? 0;
    const body = parseBoldBody(rawParagraphs(lines, bodyStart));
    if (body.turns.length === 0) throw new ParseError('no speaker turns (like `**Name:** text`)', bodyStart + 1);
    const warnings = [...(meta?.warnings ?? [])];

    // a show has a handful of labels repeated hundreds of times: clean and classify each once
    const labels = new Map<string, string>();
    const labelOf = (raw: string) => labels.get(raw) ?? labels.set(raw, cleanLabel(markdownToPlainLine(raw))).get(raw)!;
    const kinds = new Map<string, SegmentKind>();
    const kindOf = (label: string | null) => (label === null ? 'speech' : (kinds.get(label) ?? kinds.set(label, segmentKindOf(label)).get(label)!));
    type Unit = TurnTimingInput & { speaker: string | null; turn: number | null; headingIndex: number | null };
    const units: Unit[] = [
      ...body.preamble.map((p) => ({ ...joinParagraphs([p]), startSeconds: null, line: p.line, speaker: null, turn: null, headingIndex: p.headingIndex })),
      ...body.turns.map((t, turn) => ({
        ...joinParagraphs(t.paragraphs),
        startSeconds: null,
        line: t.line,
        speaker: labelOf(t.label),
        turn,
        headingIndex: t.headingIndex,
      })),
    ];
    const timings = settleTurnTimes(units, meta?.durationSeconds ?? null, warnings);
    const headingsAreChapters = body.headings.length > 0;
    const segments: ParsedSegment[] = [];
    let wordless = 0;
    units.forEach((u, i) => {
      if (u.text === '' && u.speaker === null) return;
      let kind = kindOf(u.speaker);
      let text = u.text;
      if (text === '') {
        // a label with only a time (a song played, a break's stamps): kept, so the turn and its time stay
        if (kind === 'speech') wordless++;
        kind = kind === 'speech' ? 'sound' : kind;
        text = `[${u.speaker}]`;
      }
      const t = timings[i]!;
      segments.push({
        chapterIndex: headingsAreChapters ? u.headingIndex : null,
        speaker: u.speaker,
        startSeconds: t.startSeconds,
        estimated: t.estimated,
        text,
        kind,
        turn: u.turn,
        ...(t.marks.length > 0 ? { marks: t.marks } : {}),
      });
    });
    if (wordless > 0) warnings.push(`${wordless} turn${wordless === 1 ? ' has' : 's have'} a speaker and no words; kept as non-speech rows`);
    return {
      format: 'markdown-transcript',
      kind: 'episode',
      title: meta?.title ?? (body.h1 ? markdownToPlainLine(body.h1) : ''),
      description: meta?.description ?? null,
      summary: meta?.summary ?? null,
      show: meta?.show ?? null,
      publishedOn: meta?.publishedOn ?? null,
      durationSeconds: meta?.durationSeconds ?? null,
      mediaUrl: meta?.mediaUrl ?? null,
      people: declaredPeople(meta),
      chapters: headingChapters(body.headings, segments),
      segments,
      warnings,
    } satisfies ParsedDocument;
  },
};

/** A turn's paragraphs as one text ("\n\n" between), with every stamp's place in it. */
function joinParagraphs(paragraphs: readonly RawParagraph[]): { text: string; stamps: { at: number; seconds: number }[] } {
  let text = '';
  const stamps: { at: number; seconds: number }[] = [];
  for (const p of paragraphs) {
    const piece = extractInlineStamps(p.raw);
    if (piece.text === '' && piece.stamps.length === 0) continue;
    const offset = text === '' ? 0 : text.length + 2;
    for (const s of piece.stamps) stamps.push({ at: offset + s.at, seconds: s.seconds });
    if (piece.text !== '') text = text === '' ? piece.text : `${text}\n\n${piece.text}`;
  }
  for (const s of stamps) s.at = Math.min(s.at, text.length);
  return { text, stamps };
}

function declaredPeople(meta: EpisodeMeta | null): ParsedPerson[] {
  if (!meta) return [];
  return [...meta.guests.map((name): ParsedPerson => ({ name, role: 'guest' })), ...meta.hosts.map((name): ParsedPerson => ({ name, role: 'host' }))];
}

/** `##` headings are chapters that start at their first segment. */
function headingChapters(headings: readonly { title: string }[], segments: readonly ParsedSegment[]): ParsedChapter[] {
  return headings.map((h, i) => {
    const first = segments.find((s) => s.chapterIndex === i);
    return { title: markdownToPlainLine(h.title), startSeconds: first?.startSeconds ?? null, endSeconds: null, estimated: first?.estimated ?? true };
  });
}
