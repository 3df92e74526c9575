import { TimeOrder, cleanText, type Cue, mergeCues, normaliseSpace, subtitleDocument, TITLE_FROM_FILE_NAME } from '../cues';
import { parseTimestamp } from '@/lib/text/time';
import { ParseError, type FormatParser } from '../types';

/**
 * Otter.ai text export:
 *
 *     Staff Promotion Chat          (optional title, a line or two)
 *
 *     Ana Lopez  0:03
 *     So tell me about the promo packet.
 *
 *     Ben Okafor  1:02:10
 *     ...
 *     Transcribed by https://otter.ai
 *
 * A turn header is a name and a time alone on a line. "Name 00:01:02:" (trailing
 * colon, Markdown transcripts) is not one.
 */
const HEADER = /^(\S.*?)(?:\s{2,}|\t| )(\d{1,2}:\d{2}(?::\d{2})?)\s*$/u;
const PARTICLES = new Set(['de', 'la', 'del', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'le', 'bin', 'al', 'dos']);
const OTTER_FOOTER = /^\s*Transcribed by\s+https?:\/\/(?:www\.)?otter\.ai\S*\s*$/i;

/** "Ana Lopez", "Speaker 2", "Unknown Speaker", "Ana de la Cruz": 1-5 words, capitalised. */
function isName(raw: string): boolean {
  const words = raw.trim().split(/\s+/);
  if (words.length > 5 || raw.length > 40 || /[:;,!?]$/.test(raw)) return false;
  return words.every((w, i) => /^[\p{Lu}\d][\p{L}\p{M}\d'’.-]*$/u.test(w) || (i > 0 && PARTICLES.has(w)));
}

interface Turn {
  speaker: string;
  start: number;
  line: number;
  lines: string[];
}

/**
 * Finds the turns. A header with an impossible time is kept as a turn and reported
 * in `error`: detect() still recognises the file, parse() throws. One that goes
 * back is kept as written, with a warning.
 */
function scan(text: string): { preamble: string[]; turns: Turn[]; firstHeaderIndex: number; error?: ParseError; order: TimeOrder } {
  const lines = cleanText(text).split('\n');
  const preamble: string[] = [];
  const turns: Turn[] = [];
  let firstHeaderIndex = -1;
  let nonEmptySeen = 0;
  let prev: number | null = null;
  const order = new TimeOrder('otter-text');
  let error: ParseError | undefined;
  lines.forEach((l, i) => {
    const m = HEADER.exec(l);
    const next = lines[i + 1]?.trim() ?? '';
    // a header opens a turn: after a blank line (or the title), followed by words that are not another header
    const placed = !turns.length || (lines[i - 1] ?? '').trim() === '';
    if (m && isName(m[1]!) && placed && next !== '' && !HEADER.exec(next)) {
      const start = parseTimestamp(m[2]!) ?? prev ?? 0;
      if (parseTimestamp(m[2]!) === null) error ??= new ParseError(`otter-text: bad time "${m[2]}" in turn header`, i + 1);
      else order.check(start, `line ${i + 1}`);
      prev = start;
      if (firstHeaderIndex < 0) firstHeaderIndex = nonEmptySeen;
      turns.push({ speaker: normaliseSpace(m[1]!), start, line: i + 1, lines: [] });
    } else if (l.trim() && !OTTER_FOOTER.test(l)) {
      if (turns.length) turns[turns.length - 1]!.lines.push(l);
      else preamble.push(l.trim());
    }
    if (l.trim()) nonEmptySeen++;
  });
  return { preamble, turns, firstHeaderIndex, error, order };
}

export const otterText: FormatParser = {
  name: 'otter-text',
  detect(text) {
    const head = text.trimStart();
    if (/^(?:---|\{|WEBVTT)/.test(head)) return false;
    const { turns, firstHeaderIndex } = scan(text);
    // the title takes a line or two at most; prose that happens to end a line with "10:30" does not start like this
    return turns.length > 0 && firstHeaderIndex <= 2;
  },
  parse(text, ctx) {
    const { preamble, turns, error, order } = scan(text);
    if (error) throw error;
    if (!turns.length) throw new ParseError('otter-text: no "Speaker Name  0:00" turn headers found', 1);
    const cues: Cue[] = turns.map((t, i) => ({
      start: t.start,
      end: turns[i + 1]?.start,
      speaker: t.speaker,
      text: t.lines.join('\n'),
    }));
    const doc = subtitleDocument('otter-text', ctx, mergeCues(cues));
    order.report(doc.warnings);
    const title = preamble[0]?.replace(/^#+\s*/, '');
    if (title) {
      doc.title = title;
      doc.warnings = doc.warnings.filter((w) => !w.startsWith(TITLE_FROM_FILE_NAME));
    }
    return doc;
  },
};
