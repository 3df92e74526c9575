import { jsonTooDeep, MAX_JSON_DEPTH } from '@/lib/text/json-shape';
import { ParseError, type ParseContext, type ParsedDocument, type ParsedSegment } from './types';

/** What every timed transcript format (SRT, WebVTT, the JSON ones, Otter) needs beyond its cues. */

export const normaliseSpace = (t: string) => t.replace(/\s+/g, ' ').trim();

/** "career-chat_ep12.final.srt" → "Career chat ep12 final". */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const words = normaliseSpace(base.replace(/[-_.]+/g, ' '));
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Untitled';
}

/** Start of the warning a sidecar title makes obsolete (so whoever applies the sidecar can drop it). */
export const TITLE_FROM_FILE_NAME = 'title taken from the file name';

/** The document skeleton every timed transcript format shares; metadata comes from a sidecar. */
export function subtitleDocument(format: string, ctx: ParseContext, segments: ParsedSegment[]): ParsedDocument {
  return {
    format,
    kind: 'episode',
    title: titleFromFileName(ctx.fileName),
    people: [],
    chapters: [],
    segments,
    warnings: [`${TITLE_FROM_FILE_NAME} "${ctx.fileName}"; add a .meta.yaml sidecar for the real title`],
  };
}

/** Decoded text may still carry a BOM or CRLF when a parser is called directly. */
export const cleanText = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/** JSON.parse with the failure position turned into a 1-based line. */
export function parseJson(text: string, format: string): unknown {
  const clean = cleanText(text);
  const deep = jsonTooDeep(clean);
  if (deep) throw new ParseError(`${format}: JSON nested more than ${MAX_JSON_DEPTH} levels deep`, deep.line);
  try {
    return JSON.parse(clean);
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const lineCol = /line (\d+) column/.exec(msg);
    const line = lineCol ? Number(lineCol[1]) : pos ? clean.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new ParseError(`${format}: not valid JSON (${msg})`, line);
  }
}

let lastJson: { text: string; value: Record<string, unknown> | null } | null = null;

/**
 * For detect(): the text as a JSON object, or null. Whisper puts the whole transcript
 * in "text" before "segments", so a look at the head is not enough; the parse is
 * cached because three JSON parsers ask about the same text in a row.
 */
export function jsonObjectOrNull(text: string): Record<string, unknown> | null {
  if (lastJson?.text === text) return lastJson.value;
  let value: Record<string, unknown> | null = null;
  const clean = cleanText(text);
  if (clean.trimStart().startsWith('{') && !jsonTooDeep(clean)) {
    try {
      const v: unknown = JSON.parse(clean);
      if (v && typeof v === 'object' && !Array.isArray(v)) value = v as Record<string, unknown>;
    } catch {
      value = null;
    }
  }
  lastJson = { text, value };
  return value;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Real transcripts jitter: a cue or turn starting a second before the one above
 * it is common and is not a reason to refuse the file. Times that go back are
 * kept in file order and as written, and reported once per document.
 */
export class TimeOrder {
  private count = 0;
  private worst = 0;
  private first = '';
  private prev: number | null = null;

  constructor(private readonly what: string) {}

  /** `at` names the place for the report: "line 12", "segments[3]". */
  check(start: number, at: string): void {
    if (this.prev !== null && start < this.prev - 1e-6) {
      if (this.count === 0) this.first = at;
      this.count++;
      this.worst = Math.max(this.worst, this.prev - start);
    }
    this.prev = start;
  }

  report(warnings: string[]): void {
    if (this.count === 0) return;
    const worst = this.worst >= 1 ? `${Math.round(this.worst)} s` : `${Math.round(this.worst * 1000)} ms`;
    warnings.push(
      `${this.what}: ${this.count} start time${this.count === 1 ? ' goes' : 's go'} back from the one before (first at ${this.first}, by up to ${worst}); kept in file order, times as written`,
    );
  }
}
