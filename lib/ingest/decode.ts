import { ParseError } from './types';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Bytes → normalised text, refusing what cannot be a transcript: empty files,
 * binary data, text that is not UTF-8, files above MAX_FILE_BYTES. Strips a BOM
 * and folds CRLF/CR line ends so parsers see one shape.
 */
export function decodeText(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): string {
  if (bytes.length > maxBytes) {
    throw new ParseError(`file is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${maxBytes / 1048576} MB limit`);
  }
  if (bytes.length === 0) throw new ParseError('file is empty');
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new ParseError('file is binary (contains NUL bytes), not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = firstInvalidUtf8Line(bytes);
    throw new ParseError('file is not valid UTF-8 text', line);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new ParseError('file has no text (only white space)');
  return text;
}

function firstInvalidUtf8Line(bytes: Uint8Array): number | undefined {
  let line = 1;
  let start = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return undefined;
}
