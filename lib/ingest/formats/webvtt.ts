import { TimeOrder, cleanText, type Cue, mergeCues, splitCueBySpeaker, subtitleDocument } from '../cues';
import { parseTimestamp } from '@/lib/text/time';
import { ParseError, type FormatParser } from '../types';
import { dropRollingRepeats, tokensToCues, type CaptionToken } from './youtube-json3';
import { decodeHtmlEntities } from '../../text/entities';

/** A cue as read from an SRT or WebVTT file, before speakers and markup are handled. */
export interface RawCue {
  start: number;
  end: number;
  /** 1-based line of the timing line, for error messages */
  line: number;
  text: string;
}

const TIMING = /^(\S+?)\s*-->\s*(\S+)(?:\s+.*)?$/;
/** "00:01.000 -> 00:02.000", "00:00:01,000 --> ": meant as a timing line, but broken */
const TIMING_ATTEMPT = /^\s*\d+:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*(?:-{1,3}|[–—]|=)>/;
export const isTimingAttempt = (line: string) => line.includes('-->') || TIMING_ATTEMPT.test(line);

/** Parses a cue timing line (settings after the end time are ignored); throws with the line number. */
export function parseTimingLine(raw: string, line: number, format: string): { start: number; end: number } {
  const m = TIMING.exec(raw.trim());
  const start = m ? parseTimestamp(m[1]!) : null;
  const end = m ? parseTimestamp(m[2]!) : null;
  if (start === null || end === null) {
    throw new ParseError(`${format}: bad timing line "${raw.trim()}" (expected like "00:00:01.000 --> 00:00:04.000")`, line);
  }
  if (end < start) throw new ParseError(`${format}: cue ends (${m![2]}) before it starts (${m![1]})`, line);
  return { start, end };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', quot: '"', apos: "'", lrm: '', rlm: '' };

/** Cue text entities; a non-breaking space is plain space in a transcript, direction marks are dropped. */
export function decodeEntities(text: string): string {
  return decodeHtmlEntities(text, ENTITIES);
}

/** Drops <c>, <i>, <b>, <00:00:01.000>, <font> and SRT's {\an8}; ruby text is dropped with its tags. */
export function stripMarkup(text: string): string {
  const bare = text
    .replace(/<rt>[\s\S]*?<\/rt>/g, '')
    .replace(/<[^>\n]*>/g, '')
    .replace(/\{\\[^}]*\}/g, '');
  // decode after stripping, so "&lt;v&gt;" stays text instead of becoming a tag
  return decodeEntities(bare);
}

const VOICE = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/g;

/** One cue's text → speaker turns: <v Name> spans first, "Name:" prefixes otherwise. */
function cueTurns(text: string, current: string | null) {
  const turns: { speaker: string | null; text: string; changed: boolean }[] = [];
  let last = 0;
  let voice: string | null | undefined; // undefined: text outside any voice span
  const take = (raw: string) => {
    if (voice === undefined) {
      const parts = splitCueBySpeaker(stripMarkup(raw).split('\n'), current);
      turns.push(...parts);
      if (parts.length) current = parts[parts.length - 1]!.speaker;
    } else {
      turns.push({ speaker: voice, text: stripMarkup(raw), changed: true });
      current = voice;
    }
  };
  for (const m of text.matchAll(VOICE)) {
    take(text.slice(last, m.index));
    voice = m[1]?.trim() || null;
    last = m.index + m[0].length;
  }
  take(text.slice(last));
  return { turns: turns.filter((t) => t.text.trim()), current };
}

/**
 * Raw SRT/VTT cues → cues with speakers. Auto-captions (YouTube via yt-dlp) roll:
 * each cue repeats the previous line, so when a file without voice spans turns out
 * to be rolling, its words go through the same de-duplication as json3.
 */
export function rawCuesToCues(raw: readonly RawCue[]): Cue[] {
  if (!raw.some((c) => /<v[\s.>]/.test(c.text))) {
    const events: CaptionToken[][] = raw.map((c) =>
      stripMarkup(c.text).split(/\s+/).filter(Boolean).map((w) => ({ text: w, time: c.start })),
    );
    const rolled = dropRollingRepeats(events);
    if (rolled) return tokensToCues(rolled);
  }
  const cues: Cue[] = [];
  let speaker: string | null = null;
  for (const c of raw) {
    const { turns, current } = cueTurns(c.text, speaker);
    speaker = current;
    for (const t of turns) {
      // a bare dialogue dash is a new, unnamed voice: keep it apart from the previous one
      cues.push({ start: c.start, end: c.end, speaker: t.speaker, text: t.text, breakBefore: t.changed && !t.speaker });
    }
  }
  return cues;
}

/** Splits on exactly empty lines: YouTube puts " " lines inside cues, and the spec keeps those as text. */
export function parseVttCues(text: string): { cues: RawCue[]; warnings: string[] } {
  const lines = cleanText(text).split('\n');
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) throw new ParseError('webvtt: first line must be "WEBVTT"', 1);
  const cues: RawCue[] = [];
  const warnings: string[] = [];
  let i = 1;
  while (i < lines.length && lines[i]!.trim() !== '' && !lines[i]!.includes('-->')) i++; // header lines (Kind:, Language:)
  const order = new TimeOrder('webvtt');
  while (i < lines.length) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end] !== '') end++;
    const block = lines.slice(i, end);
    const first = block[0]!.trim();
    if (!/^NOTE(?:\s|$)/.test(first) && !/^(?:STYLE|REGION)\s*$/.test(first)) {
      let cur: RawCue | null = null;
      block.forEach((l, k) => {
        const lineNo = i + k + 1;
        if (isTimingAttempt(l)) {
          const { start, end: stop } = parseTimingLine(l, lineNo, 'webvtt');
          order.check(start, `line ${lineNo}`);
          cur = { start, end: stop, line: lineNo, text: '' };
          cues.push(cur);
        } else if (cur) {
          cur.text += (cur.text ? '\n' : '') + l;
        } else if (k === 0 && block.length > 1 && isTimingAttempt(block[1]!)) {
          // a cue identifier: only useful for styling, not for the transcript
        } else if (cues.length) {
          warnings.push(`line ${lineNo}: text without a timing line joined to the cue before it`);
          cues[cues.length - 1]!.text += `\n${l}`;
        } else {
          warnings.push(`line ${lineNo}: text before the first cue ignored`);
        }
      });
    }
    i = end;
  }
  order.report(warnings);
  return { cues, warnings };
}

export const webvtt: FormatParser = {
  name: 'webvtt',
  detect: (text) => /^WEBVTT(?:[ \t]|\r?\n|$)/.test(cleanText(text.slice(0, 64))),
  parse(text, ctx) {
    const { cues, warnings } = parseVttCues(text);
    const doc = subtitleDocument('webvtt', ctx, mergeCues(rawCuesToCues(cues)));
    doc.warnings = doc.warnings.concat(warnings);
    return doc;
  },
};
