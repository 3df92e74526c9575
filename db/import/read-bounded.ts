import fs from 'node:fs';
import { MAX_FILE_BYTES } from '@/lib/ingest/decode';
import { ParseError } from '@/lib/ingest/types';

/**
 * Reads a whole file, refusing it by its size (fstat on the open descriptor)
 * before any byte is read, so one huge file cannot exhaust memory. `label`
 * names a sidecar in the message, since errors are reported against the main file.
 */
export function readBounded(file: string, label?: string, maxBytes = MAX_FILE_BYTES): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    const what = label ? `${label} ` : '';
    if (!stat.isFile()) throw new ParseError(`${what}is not a regular file`);
    if (stat.size > maxBytes) {
      throw new ParseError(`${what}file is ${(stat.size / 1048576).toFixed(1)} MB, over the ${maxBytes / 1048576} MB limit`);
    }
    const bytes = fs.readFileSync(fd);
    // the file may have grown between fstat and read
    if (bytes.length > maxBytes) throw new ParseError(`${what}file grew over the ${maxBytes / 1048576} MB limit while being read`);
    return bytes;
  } finally {
    fs.closeSync(fd);
  }
}
