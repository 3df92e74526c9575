import { TimeOrder, cleanText, mergeCues, subtitleDocument } from '../cues';
import { ParseError, type FormatParser } from '../types';
import { isTimingAttempt, parseTimingLine, rawCuesToCues, type RawCue } from './webvtt';

const SRT_TIMING = /^\s*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}/;
const CUE_NUMBER = /^\s*\d+\s*$/;

/**
 * Line by line rather than block by block: real SRT files miss the blank line
 * between cues, put blank lines inside cue text, or end without a newline. A
 * timing line starts a cue; a number right before it is the cue's number.
 */
export function parseSrtCues(text: string): { cues: RawCue[]; warnings: string[] } {
  const lines = cleanText(text).split('\n');
  const cues: RawCue[] = [];
  const bodies: string[][] = [];
  const warnings: string[] = [];
  const order = new TimeOrder('srt');
  let afterBlank = true;
  let pendingNumber: { text: string; line: number } | null = null;

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const lineNo = i + 1;
    const body = bodies[bodies.length - 1];
    if (isTimingAttempt(l)) {
      const { start, end } = parseTimingLine(l, lineNo, 'srt');
      order.check(start, `line ${lineNo}`);
      // a number with no blank line before it: the previous cue ran straight into this one
      if (!pendingNumber && body && body.length && CUE_NUMBER.test(body[body.length - 1]!) && !afterBlank) body.pop();
      pendingNumber = null;
      cues.push({ start, end, line: lineNo, text: '' });
      bodies.push([]);
      afterBlank = false;
    } else if (l.trim() === '') {
      afterBlank = true;
    } else if (afterBlank && CUE_NUMBER.test(l) && !pendingNumber) {
      pendingNumber = { text: l, line: lineNo };
    } else if (!body) {
      throw new ParseError(`srt: expected a cue number or a timing line, found "${l.trim().slice(0, 40)}"`, lineNo);
    } else {
      if (afterBlank) {
        const from = pendingNumber?.line ?? lineNo;
        warnings.push(`line ${from}: text after a blank line joined to the cue before it`);
      }
      if (pendingNumber) {
        // the number was cue text after all ("42" on its own line after a blank one)
        body.push(pendingNumber.text);
        pendingNumber = null;
      }
      body.push(l);
      afterBlank = false;
    }
  }
  order.report(warnings);
  if (pendingNumber) warnings.push(`line ${pendingNumber.line}: cue number without a timing line ignored`);
  cues.forEach((c, k) => (c.text = bodies[k]!.join('\n')));
  return { cues, warnings };
}

export const srt: FormatParser = {
  name: 'srt',
  detect(text) {
    // the first non-blank lines: "1" then a timing line, or a timing line straight away
    const head = cleanText(text.slice(0, 512)).split('\n').filter((l) => l.trim() !== '');
    if (!head.length || head[0]!.startsWith('WEBVTT')) return false;
    return SRT_TIMING.test(head[0]!) || (CUE_NUMBER.test(head[0]!) && SRT_TIMING.test(head[1] ?? ''));
  },
  parse(text, ctx) {
    const { cues, warnings } = parseSrtCues(text);
    const doc = subtitleDocument('srt', ctx, mergeCues(rawCuesToCues(cues)));
    doc.warnings = doc.warnings.concat(warnings);
    return doc;
  },
};
