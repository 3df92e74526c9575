import fs from 'node:fs';
import path from 'node:path';
import type { HeadEntry, HeadTable } from '@/lib/search/heads';

/**
 * The head lists (lib/search/heads.ts) on disk: their own file, one entry a
 * line after a first line with the rest of the table, so a server loading a
 * newly published index parses them a few entries at a time between
 * requests. (In the store's JSON they were one parse of 170 ms on the real
 * archive, a stall for every request waiting behind it.)
 */
export const HEADS_FILE = 'heads.jsonl';
const ENTRIES_PER_STEP = 16;

/** Writes the table; returns the file's size in bytes. */
export function writeHeads(dir: string, table: HeadTable): number {
  const { entries, ...rest } = table;
  const text = [JSON.stringify(rest), ...entries.map((e) => JSON.stringify(e))].join('\n');
  fs.writeFileSync(path.join(dir, HEADS_FILE), text);
  return Buffer.byteLength(text);
}

/** Reads the table in steps (yield: a good moment to let other work run). */
export function* readHeads(dir: string, bytes: number): Generator<void, HeadTable> {
  const text = fs.readFileSync(path.join(dir, HEADS_FILE), 'utf8');
  if (Buffer.byteLength(text) !== bytes) throw new Error(`${HEADS_FILE} has the wrong size`);
  const lines = text.split('\n');
  const table = { ...(JSON.parse(lines[0]!) as Omit<HeadTable, 'entries'>), entries: [] as HeadEntry[] };
  for (let i = 1; i < lines.length; i++) {
    table.entries.push(JSON.parse(lines[i]!) as HeadEntry);
    if (i % ENTRIES_PER_STEP === 0) yield;
  }
  return table;
}
