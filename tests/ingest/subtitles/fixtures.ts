import fs from 'node:fs';
import path from 'node:path';
import type { ParsedDocument } from '@/lib/ingest/types';

export const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'subtitles');

/** Read as the app's decoder would not: BOM and CRLF left in, so parsers prove they cope. */
export const readFixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** [speaker, start, text] rows: the three things every test asserts. */
export const rows = (doc: ParsedDocument) => doc.segments.map((s) => [s.speaker, s.startSeconds, s.text] as const);

/** Runs fn and returns the ParseError it throws (fails the test if it does not throw). */
export function parseErrorOf(fn: () => unknown): { message: string; line?: number } {
  try {
    fn();
  } catch (err) {
    if ((err as Error).name === 'ParseError') return err as { message: string; line?: number };
    throw err;
  }
  throw new Error('expected a ParseError');
}
