import fs from 'node:fs';
import path from 'node:path';
import type { HeadEntry, HeadTable } from '@/lib/search/heads';

/**
 * Reading an index folder a step at a time, so a server keeps answering while
 * it loads one. The head lists (lib/search/heads.ts) have their own file, one entry a
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

/** read per step of readAligned: about 8 ms of disk read on this machine */
const READ_STEP = 8 << 20;

/**
 * Reads a file straight into a new, aligned buffer (typed arrays can view it
 * in place), a slice per step: a server loading a newly published index read
 * the store's 100 MB in one go and then copied it, some 0.2 s for every
 * request waiting behind that.
 */
export function* readAligned(file: string, bytes: number): Generator<void, ArrayBuffer> {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size !== bytes) throw new Error(`${path.basename(file)} has ${size} bytes, expected ${bytes}`);
    const ab = new ArrayBuffer(size);
    const view = new Uint8Array(ab);
    for (let at = 0; at < size; ) {
      const read = fs.readSync(fd, view, at, Math.min(READ_STEP, size - at), at);
      if (read <= 0) throw new Error(`${path.basename(file)} ended at byte ${at} of ${size}`);
      at += read;
      if (at < size) yield;
    }
    return ab;
  } finally {
    fs.closeSync(fd);
  }
}
