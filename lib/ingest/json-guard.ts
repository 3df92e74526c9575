import { jsonTooDeep, looksLikeJson, MAX_JSON_DEPTH } from '@/lib/text/json-shape';
import { parseJson } from './timed-document';
import { ParseError, type FormatParser } from './types';

const JSON_FORMATS = new Set(['podcast-json', 'whisper-json', 'youtube-json3']);

/** Before detection: JSON nested past any transcript format's depth is refused at the line it goes too deep. */
export function refuseDeepJson(text: string): void {
  if (!looksLikeJson(text)) return;
  const deep = jsonTooDeep(text);
  if (deep) throw new ParseError(`JSON nested more than ${MAX_JSON_DEPTH} levels deep: not a transcript`, deep.line);
}

/**
 * After detection: text that is JSON (or starts like it) but that no JSON format
 * took is refused, instead of being imported as a note of braces and quotes.
 */
export function refuseUnknownJson(text: string, chosen: FormatParser): void {
  if (JSON_FORMATS.has(chosen.name) || !looksLikeJson(text)) return;
  // a broken JSON file is named with the line where it breaks
  parseJson(text, 'JSON');
  throw new ParseError('JSON, but not a transcript format Ladder reads (Whisper JSON, Podcasting 2.0 transcript JSON, YouTube json3)', 1);
}
