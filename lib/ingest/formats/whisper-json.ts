import { TimeOrder, type Cue, isRecord, jsonObjectOrNull, mergeCues, parseJson, subtitleDocument } from '../cues';
import { ParseError, type FormatParser } from '../types';

const fail = (msg: string) => new ParseError(`whisper-json: ${msg}`);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Whisper's own silence rule (no_speech_threshold 0.6 with logprob_threshold -1):
 * such segments are usually hallucinated ("Thank you.", "Subtitles by ...").
 */
const isSilence = (s: Record<string, unknown>) =>
  isNum(s.no_speech_prob) && isNum(s.avg_logprob) && s.no_speech_prob > 0.6 && s.avg_logprob < -1;

/** whisperX puts the speaker on the segment, some tools only on its words. */
function speakerOf(s: Record<string, unknown>): string | null {
  if (typeof s.speaker === 'string' && s.speaker.trim()) return s.speaker.trim();
  const word = Array.isArray(s.words) ? s.words.find((w) => isRecord(w) && typeof w.speaker === 'string') : undefined;
  return isRecord(word) ? String(word.speaker) : null;
}

export const whisperJson: FormatParser = {
  name: 'whisper-json',
  detect(text) {
    if (!text.includes('"segments"')) return false;
    const root = jsonObjectOrNull(text);
    if (!root || !Array.isArray(root.segments)) return false;
    const first: unknown = root.segments[0];
    // Podcasting 2.0 segments say startTime/body; Whisper's say start/end/text
    if (first === undefined) return typeof root.text === 'string';
    return isRecord(first) && isNum(first.start) && typeof first.text === 'string';
  },
  parse(text, ctx) {
    const root = parseJson(text, 'whisper-json');
    if (!isRecord(root) || !Array.isArray(root.segments)) throw fail('expected an object with a "segments" array');
    const cues: Cue[] = [];
    const order = new TimeOrder('whisper-json');
    let silent = 0;
    root.segments.forEach((s: unknown, i) => {
      if (!isRecord(s)) throw fail(`segments[${i}] is not an object`);
      if (!isNum(s.start)) throw fail(`segments[${i}].start is not a number`);
      if (typeof s.text !== 'string') throw fail(`segments[${i}].text is not a string`);
      if (s.end !== undefined && (!isNum(s.end) || s.end < s.start)) throw fail(`segments[${i}].end is not a time after its start`);
      order.check(s.start, `segments[${i}]`);
      if (isSilence(s)) {
        silent++;
        return;
      }
      cues.push({ start: s.start, end: isNum(s.end) ? s.end : undefined, speaker: speakerOf(s), text: s.text });
    });
    const doc = subtitleDocument('whisper-json', ctx, mergeCues(cues));
    // verbose_json knows the media length; plain output does not, and the last segment end would understate it
    if (isNum(root.duration)) doc.durationSeconds = root.duration;
    order.report(doc.warnings);
    if (silent) doc.warnings.push(`${silent} segment(s) Whisper itself marked as probable silence were left out`);
    if (!cues.length && typeof root.text === 'string' && root.text.trim()) {
      // no timed segments, only the full text: keep it, untimed
      doc.segments = mergeCues([{ start: 0, speaker: null, text: root.text }]).map((seg) => ({ ...seg, startSeconds: null }));
      doc.warnings.push('no timed segments; the whole text was kept, untimed');
    }
    return doc;
  },
};
