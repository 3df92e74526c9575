/**
 * A saved "YouTube deep summary" page: title, a `Channel • 117:16 minutes •
 * Published 2025-01-17 • YouTube` line, an AI-generated summary, then the whole
 * auto-caption transcript on one line with inline `## Title [MM:SS]` chapter
 * markers and no speakers. Chapter times are exact; segment times are
 * estimated from word position within the chapter.
 */
import { parseDateValue } from '../text/dates';
import { findGuestName } from '../text/guest-name';
import { splitLines } from '../text/paragraphs';
import { chunkWords } from '@/lib/text/sentences';
import { parseDurationLabel, parseTimestamp } from '@/lib/text/time';
import type { FormatParser, ParsedChapter, ParsedDocument, ParsedPerson, ParsedSegment } from '../types';
import { ParseError } from '../types';

const META_LINE = /^(.+?)\s+•\s+(\d+(?::\d{2}){1,2})\s+minutes\s+•\s+Published\s+(\S+)(?:\s+•.*)?$/;
const SUMMARY_HEAD = /^(?:🤖\s*)?AI-Generated Summary:?\s*$/;
const CHAPTERS_HEAD = /^(?:📝\s*)?Transcript Chapters\s*\((\d+) chapters?\):?\s*$/;
const TRANSCRIPT_HEAD = /^(?:📝\s*)?Transcript\s*\((\d+) entries\):?\s*$/;
const MARKER = /##\s+([^\n[\]]+?)\s*\[(\d{1,3}(?::\d{1,3}){1,2})\]/g;
/** Page chrome saved along with the content. */
const CHROME = [/^YouTube Deep Summary/i, /^Star Extract content/i, /^Video thumbnail$/i, /^(?:📚\s*)?Chapter Summaries\s*\(\d+\)$/];
/** Used when there is no duration to place the last chapter's words: ~150 spoken words a minute. */
const WORDS_PER_SECOND = 2.5;

export const youtubeSummary: FormatParser = {
  name: 'youtube-summary',

  detect(text) {
    const lines = splitLines(text.slice(0, 50_000)).map((l) => l.trim());
    if (lines.some((l) => META_LINE.test(l))) return true;
    return lines.some((l) => TRANSCRIPT_HEAD.test(l)) && lines.some((l) => SUMMARY_HEAD.test(l));
  },

  parse(text, ctx) {
    const lines = splitLines(text).map((l) => l.trim());
    const warnings: string[] = [];
    const find = (re: RegExp, from = 0) => {
      const i = lines.slice(from).findIndex((l) => re.test(l));
      return i === -1 ? -1 : i + from;
    };

    const metaIdx = find(META_LINE);
    const meta = metaIdx === -1 ? null : META_LINE.exec(lines[metaIdx]!)!;
    if (!meta) warnings.push('no "Channel • mm:ss minutes • Published date" line; host, duration and date unknown');
    const durationSeconds = meta ? (parseDurationLabel(meta[2]!) ?? parseTimestamp(meta[2]!)) : null;
    const publishedOn = meta ? parseDateValue(meta[3]!) : null;
    if (meta && publishedOn === null) throw new ParseError(`"${meta[3]}" is not a publication date`, metaIdx + 1);
    const host = meta ? meta[1]!.trim() : null;

    const transcriptIdx = find(TRANSCRIPT_HEAD);
    if (transcriptIdx === -1) throw new ParseError('no "📝 Transcript (N entries):" section', lines.length);
    const summaryIdx = find(SUMMARY_HEAD);
    const chaptersIdx = find(CHAPTERS_HEAD);
    const summaryEnd = [chaptersIdx, transcriptIdx].filter((i) => i > summaryIdx).sort((a, b) => a - b)[0]!;
    const summary = summaryIdx === -1 ? null : tidySummary(lines.slice(summaryIdx + 1, summaryEnd));

    const title = pageTitle(lines, metaIdx === -1 ? (summaryIdx === -1 ? transcriptIdx : summaryIdx) : metaIdx) ?? ctx.fileName;
    const transcript = lines.slice(transcriptIdx + 1).filter((l) => l !== '').join(' ');
    const { chapters, segments } = splitTranscript(transcript, transcriptIdx + 2, durationSeconds, warnings);

    const declared = chaptersIdx === -1 ? null : Number(CHAPTERS_HEAD.exec(lines[chaptersIdx]!)![1]);
    if (declared !== null && declared !== chapters.length) {
      warnings.push(`page announces ${declared} chapters but the transcript marks ${chapters.length}`);
    }

    // hosts introduce the guest in the opening minutes; later "we have X on" lines name other people
    const guest = findGuestName([transcript.slice(0, 5000), title, summary ?? ''], [host]);
    if (!guest) warnings.push('no guest name found in the transcript, title or summary');
    const people: ParsedPerson[] = [];
    if (host) people.push({ name: host, role: 'host' });
    if (guest) people.push({ name: guest, role: 'guest' });

    const doc: ParsedDocument = {
      format: 'youtube-summary',
      kind: 'episode',
      title,
      description: null,
      summary,
      show: host,
      publishedOn,
      durationSeconds,
      mediaUrl: /https?:\/\/(?:www\.|m\.)?(?:youtube\.com\/watch\?v=|youtu\.be\/)[\w-]+/.exec(text)?.[0] ?? null,
      people,
      chapters,
      segments,
      warnings,
    };
    return doc;
  },
};

/** The video title: the nearest content line above the channel line. */
function pageTitle(lines: readonly string[], before: number): string | null {
  for (let i = before - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l !== '' && !CHROME.some((re) => re.test(l))) return l;
  }
  return null;
}

/** Summary as plain text: bullets un-indented, runs of blank lines folded to one. */
function tidySummary(lines: readonly string[]): string | null {
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return text === '' ? null : text;
}

function splitTranscript(transcript: string, lineNo: number, duration: number | null, warnings: string[]) {
  const marks = [...transcript.matchAll(MARKER)].map((m) => {
    const start = parseTimestamp(m[2]!);
    if (start === null) throw new ParseError(`chapter marker "${m[0]}" has an invalid time`, lineNo);
    return { title: m[1]!.trim(), start, from: m.index!, textFrom: m.index! + m[0].length };
  });
  marks.forEach((m, i) => {
    const prev = marks[i - 1];
    if (prev && m.start < prev.start) throw new ParseError(`chapter "${m.title}" at ${m.start} s starts before the chapter above it`, lineNo);
  });
  if (marks.length === 0) warnings.push('transcript has no `## Title [mm:ss]` chapter markers');

  const chapters: ParsedChapter[] = marks.map((m, i) => ({
    title: m.title,
    startSeconds: m.start,
    endSeconds: marks[i + 1]?.start ?? (duration !== null && duration >= m.start ? duration : null),
    estimated: false,
  }));
  const segments: ParsedSegment[] = [];
  const lead = transcript.slice(0, marks[0]?.from ?? transcript.length);
  pushChunks(segments, lead, null, 0, marks[0]?.start ?? duration);
  marks.forEach((m, i) => {
    const body = transcript.slice(m.textFrom, marks[i + 1]?.from ?? transcript.length);
    pushChunks(segments, body, i, m.start, chapters[i]!.endSeconds);
  });
  return { chapters, segments };
}

/** Chunks of a chapter, each timed by its word position between the chapter's start and end. */
function pushChunks(out: ParsedSegment[], text: string, chapterIndex: number | null, start: number, end: number | null) {
  const chunks = chunkWords(text);
  const total = chunks.reduce((n, c) => n + c.wordCount, 0);
  const span = end !== null ? end - start : total / WORDS_PER_SECOND;
  for (const c of chunks) {
    const at = start + (total === 0 ? 0 : (c.wordOffset / total) * span);
    out.push({ chapterIndex, speaker: null, startSeconds: Math.floor(at), estimated: true, text: c.text });
  }
}
