/**
 * The body of a markdown transcript: `### Chapter` headings and speaker turns
 * written `Name HH:MM:SS:`, `Name (MM:SS):` or just `00:12:34:` (same speaker
 * continues), with the turn's text after the colon and/or in the paragraphs
 * below. A `Name:` line alone is a turn with no time (its time is estimated by
 * the format parser) when that name also speaks elsewhere in the file. A time
 * that goes back is kept as written and reported. Produces raw turns; chapter
 * times are settled by the format parser.
 */
import { cleanLabel } from '@/lib/text/names';
import { parseTimestamp } from '@/lib/text/time';
import { LIMITS } from '../limits';
import { ParseError } from '../types';
import { splitParagraphs } from './paragraphs';

// loose on digits so that an out-of-range "00:75:00" is caught and reported, not read as prose
const TIME = String.raw`\d{1,3}(?::\d{1,3}){1,2}(?:[.,]\d{1,3})?`;
// invisible format characters (a zero-width joiner, a bidi override) may sit in a name as written;
// they are allowed here so the line is still a turn, and removed from the speaker (cleanLabel)
const NAME = String.raw`\p{Cf}*[\p{L}_][\p{L}\p{N}\p{Cf}_.'’-]*(?: [\p{L}\p{N}\p{Cf}_.'’-]+){0,3}`;
const TURN_LINE = new RegExp(String.raw`^(?:(${NAME})\s+)?(?:\((${TIME})\)|(${TIME}))\s*:(?:\s+(.*))?$`, 'u');
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const UNTIMED_TURN = new RegExp(String.raw`^(${NAME})\s*:$`, 'u');
// a name and a time-ish token with a typo ("Priya 00:1x:30:"): a broken turn line, not prose to fold into the turn before
const GARBLED_TURN = new RegExp(String.raw`^(?:${NAME})\s+\(?(\d[\p{L}\d]*(?:[:.,][\p{L}\d]+)+)\)?\s*:(?:\s|$)`, 'u');

export interface TurnLine {
  speaker: string | null;
  rawTime: string;
  rest: string;
}

export function matchTurnLine(line: string): TurnLine | null {
  const m = TURN_LINE.exec(line.trim());
  if (!m) return null;
  return { speaker: m[1] ? cleanLabel(m[1]) : null, rawTime: (m[2] ?? m[3])!, rest: (m[4] ?? '').trim() };
}

export interface BodyHeading {
  title: string;
  line: number;
}

export interface BodyTurn {
  speaker: string | null;
  /** null for a `Name:` turn the file gives no time */
  startSeconds: number | null;
  line: number;
  /** index into headings, or null before the first heading */
  headingIndex: number | null;
  /** '' for a turn line with no text */
  text: string;
}

export interface TranscriptBody {
  /** `# Title` before any turn, when present */
  h1: string | null;
  headings: BodyHeading[];
  turns: BodyTurn[];
  /** prose before the first turn that belongs to no turn */
  preamble: { text: string; line: number; headingIndex: number | null }[];
  warnings: string[];
}

interface OpenTurn {
  speaker: string | null;
  startSeconds: number | null;
  line: number;
  headingIndex: number | null;
  lines: string[];
  /** file line of lines[0] */
  firstLine: number;
}

/**
 * `start` is the 0-based index of the first body line in `lines`; `knownNames`
 * are the people the metadata names (a `Name:` line with one of their names, or
 * first names, is a turn).
 */
export function parseTranscriptBody(lines: readonly string[], start: number, knownNames: readonly string[] = []): TranscriptBody {
  const body: TranscriptBody = { h1: null, headings: [], turns: [], preamble: [], warnings: [] };
  let open: OpenTurn | null = null;
  let preambleLines: { text: string; line: number }[] = [];
  let lastSpeaker: string | null = null;
  let lastTime = -1;
  const untimedSpeakers = speakersOfUntimedTurns(lines, start, knownNames);
  const back = { count: 0, worst: 0, firstLine: 0 };

  const closeTurn = () => {
    if (!open) return;
    const paragraphs = splitParagraphs(open.lines, open.firstLine).map((p) => p.text);
    // a text-less turn still marks when its chapter began, so it is kept here;
    // the format parser skips it when making segments
    if (paragraphs.length === 0) body.warnings.push(`turn on line ${open.line} (${open.speaker ?? 'no speaker'}) has no text; skipped`);
    const { speaker, startSeconds, line, headingIndex } = open;
    body.turns.push({ speaker, startSeconds, line, headingIndex, text: paragraphs.join('\n\n') });
    open = null;
  };
  const closePreamble = () => {
    const headingIndex = body.headings.length > 0 ? body.headings.length - 1 : null;
    for (const p of splitParagraphs(preambleLines.map((l) => l.text), preambleLines[0]?.line ?? 1)) {
      body.preamble.push({ ...p, headingIndex });
    }
    preambleLines = [];
  };

  for (let i = start; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    const heading = HEADING.exec(raw.trim());
    if (heading) {
      closeTurn();
      closePreamble();
      const title = heading[2]!;
      if (/^transcript$/i.test(title)) continue;
      if (heading[1] === '#' && body.turns.length === 0 && body.headings.length === 0 && body.h1 === null) body.h1 = title;
      else body.headings.push({ title, line: lineNo });
      // refused as soon as it is certain, not after reading 200,000 more headings
      if (body.headings.length > LIMITS.chapters) throw new ParseError(`chapter heading ${body.headings.length.toLocaleString('en')} is over the limit of ${LIMITS.chapters.toLocaleString('en')} chapters per document`, lineNo);
      continue;
    }
    const turn = matchTurnLine(raw);
    if (turn) {
      closeTurn();
      if (body.turns.length >= LIMITS.segments) throw new ParseError(`turn ${(body.turns.length + 1).toLocaleString('en')} is over the limit of ${LIMITS.segments.toLocaleString('en')} turns per document`, lineNo);
      closePreamble();
      const seconds = parseTimestamp(turn.rawTime);
      if (seconds === null) throw new ParseError(`turn line has an invalid timestamp "${turn.rawTime}"`, lineNo);
      if (seconds < lastTime) {
        back.count++;
        back.worst = Math.max(back.worst, lastTime - seconds);
        if (back.count === 1) back.firstLine = lineNo;
      }
      lastTime = seconds;
      const speaker: string | null = turn.speaker ?? lastSpeaker;
      if (speaker === null) body.warnings.push(`turn on line ${lineNo} gives only a time and no earlier speaker; speaker unknown`);
      lastSpeaker = speaker;
      const headingIndex = body.headings.length > 0 ? body.headings.length - 1 : null;
      // text after the colon is the turn's first line; otherwise its paragraphs start below
      open = turn.rest
        ? { speaker, startSeconds: seconds, line: lineNo, headingIndex, lines: [turn.rest], firstLine: lineNo }
        : { speaker, startSeconds: seconds, line: lineNo, headingIndex, lines: [], firstLine: lineNo + 1 };
      continue;
    }
    const untimed = UNTIMED_TURN.exec(raw.trim());
    const untimedName = untimed ? cleanLabel(untimed[1]!) : null;
    if (untimedName !== null && untimedSpeakers.has(untimedName)) {
      closeTurn();
      closePreamble();
      lastSpeaker = untimedName;
      const headingIndex = body.headings.length > 0 ? body.headings.length - 1 : null;
      open = { speaker: untimedName, startSeconds: null, line: lineNo, headingIndex, lines: [], firstLine: lineNo + 1 };
      continue;
    }
    const garbled = GARBLED_TURN.exec(raw.trim());
    if (garbled) throw new ParseError(`turn line has an invalid timestamp "${garbled[1]}"`, lineNo);
    if (open) {
      open.lines.push(raw);
    } else if (preambleLines.length > 0 || (raw.trim() !== '' && !/^\s*transcript:?\s*$/i.test(raw))) {
      // a bare "Transcript" label opens the body in the corpus; it is not content
      preambleLines.push({ text: raw, line: lineNo });
    }
  }
  closeTurn();
  closePreamble();
  if (back.count > 0) {
    body.warnings.push(
      `${back.count} turn time${back.count === 1 ? ' goes' : 's go'} back from the turn before (the first on line ${back.firstLine}, by up to ${Math.round(back.worst)} s); kept as written`,
    );
  }
  return body;
}

/**
 * A transcript past the chapter limit is refused before it is split into lines
 * or parsed: one pass over the raw text that looks at each line's first
 * character, so 200,000 headings cost milliseconds, not a parse. (A title and
 * a "Transcript" heading are not chapters: two spare.)
 */
export function refuseTooManyHeadings(text: string): void {
  let headings = 0;
  let line = 1;
  for (let at = 0; at < text.length; line++) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl;
    let first = at;
    while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    if (text.charCodeAt(first) === 35 && HEADING.test(text.slice(first, end).trim()) && ++headings > LIMITS.chapters + 2) {
      throw new ParseError(`more than ${LIMITS.chapters.toLocaleString('en')} chapter headings, over the limit per document`, line);
    }
    at = end + 1;
  }
}

/**
 * Names whose `Name:` lines are turns: a name that also has timed turns, one the
 * metadata names, or one written that way at least twice. A lone "Note:" line in
 * prose is none of these.
 */
function speakersOfUntimedTurns(lines: readonly string[], start: number, knownNames: readonly string[]): Set<string> {
  const timed = new Set<string>(knownNames.flatMap((n) => [n, n.split(/\s+/)[0]!]));
  const untimed = new Map<string, number>();
  let turns = 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const t = matchTurnLine(line);
    if (t?.speaker) timed.add(t.speaker);
    const u = t ? null : UNTIMED_TURN.exec(line);
    if (u) untimed.set(cleanLabel(u[1]!), (untimed.get(cleanLabel(u[1]!)) ?? 0) + 1);
    // refused at the first turn past the limit, not after reading the rest
    if ((t || u) && ++turns > LIMITS.segments) {
      throw new ParseError(`turn ${turns.toLocaleString('en')} is over the limit of ${LIMITS.segments.toLocaleString('en')} turns per document`, i + 1);
    }
  }
  return new Set([...untimed].filter(([name, n]) => timed.has(name) || n >= 2).map(([name]) => name));
}
