import { formatParsers } from './formats';
import type { FormatParser } from './types';

/** The parser for a text, chosen by content alone; `note` matches any text. */
export function detectFormat(text: string): FormatParser {
  for (const parser of formatParsers) {
    if (parser.detect(text)) return parser;
  }
  // note.detect accepts every text, so this only guards against a broken registry
  throw new Error('no format parser accepted the text');
}
