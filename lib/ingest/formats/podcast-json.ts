import { TimeOrder, type Cue, isRecord, jsonObjectOrNull, mergeCues, parseJson, subtitleDocument } from '../cues';
import { ParseError, type FormatParser } from '../types';

const fail = (msg: string) => new ParseError(`podcast-json: ${msg}`);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Podcasting 2.0 transcript JSON (podcast:transcript type="application/json").
 * Hosts often write one word per segment, so everything goes through mergeCues.
 */
export const podcastJson: FormatParser = {
  name: 'podcast-json',
  detect(text) {
    if (!text.includes('"segments"')) return false;
    const root = jsonObjectOrNull(text);
    if (!root || !Array.isArray(root.segments)) return false;
    const first: unknown = root.segments[0];
    if (first === undefined) return typeof root.version === 'string';
    return isRecord(first) && 'startTime' in first && 'body' in first;
  },
  parse(text, ctx) {
    const root = parseJson(text, 'podcast-json');
    if (!isRecord(root) || !Array.isArray(root.segments)) throw fail('expected an object with a "segments" array');
    const cues: Cue[] = [];
    const order = new TimeOrder('podcast-json');
    let speaker: string | null = null;
    root.segments.forEach((s: unknown, i) => {
      if (!isRecord(s)) throw fail(`segments[${i}] is not an object`);
      if (!isNum(s.startTime)) throw fail(`segments[${i}].startTime is not a number`);
      if (typeof s.body !== 'string') throw fail(`segments[${i}].body is not a string`);
      if (s.endTime !== undefined && (!isNum(s.endTime) || s.endTime < s.startTime)) {
        throw fail(`segments[${i}].endTime is not a time after its startTime`);
      }
      if (s.speaker !== undefined && typeof s.speaker !== 'string') throw fail(`segments[${i}].speaker is not a string`);
      order.check(s.startTime, `segments[${i}]`);
      // the spec makes speaker optional; word-level files often name it only when it changes
      if (typeof s.speaker === 'string' && s.speaker.trim()) speaker = s.speaker.trim();
      cues.push({ start: s.startTime, end: isNum(s.endTime) ? s.endTime : undefined, speaker, text: s.body });
    });
    const doc = subtitleDocument('podcast-json', ctx, mergeCues(cues));
    order.report(doc.warnings);
    return doc;
  },
};
