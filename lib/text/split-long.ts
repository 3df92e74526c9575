/**
 * Cuts a text that is too long for one piece into pieces of at most `max`
 * characters: at the last paragraph break in the second half of the window,
 * else at the last sentence end there, else at the last space, else hard
 * (never between the halves of a surrogate pair). Each window is scanned once
 * from its end, so the whole text costs one pass. Returns [start, end) ranges
 * into `text`, without the white space at their edges.
 */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r';

export function splitLongText(text: string, max: number): [number, number][] {
  if (max < 2) throw new Error('max must be at least 2');
  const out: [number, number][] = [];
  let pos = skipSpace(text, 0);
  while (text.length - pos > max) {
    const hard = pos + max;
    const floor = pos + Math.floor(max / 2);
    const cut = paragraphCut(text, floor, hard) ?? sentenceCut(text, floor, hard) ?? spaceCut(text, floor, hard) ?? hardCut(text, hard);
    push(out, text, pos, cut);
    pos = skipSpace(text, cut);
  }
  push(out, text, pos, text.length);
  return out;
}

function push(out: [number, number][], text: string, start: number, end: number): void {
  let e = end;
  while (e > start && isSpace(text[e - 1])) e--;
  if (e > start) out.push([start, e]);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

function paragraphCut(text: string, floor: number, hard: number): number | null {
  for (let i = hard - 1; i > floor; i--) if (text[i] === '\n' && text[i - 1] === '\n') return i;
  return null;
}

function sentenceCut(text: string, floor: number, hard: number): number | null {
  for (let i = hard - 1; i > floor; i--) {
    if (!isSpace(text[i])) continue;
    let j = i - 1;
    while (j > floor && CLOSERS.has(text[j]!)) j--;
    if (SENTENCE_END.has(text[j]!)) return i;
  }
  return null;
}

function spaceCut(text: string, floor: number, hard: number): number | null {
  for (let i = hard - 1; i > floor; i--) if (isSpace(text[i])) return i;
  return null;
}

function hardCut(text: string, hard: number): number {
  const c = text.charCodeAt(hard - 1);
  return c >= 0xd800 && c <= 0xdbff ? hard - 1 : hard;
}

/** `text` cut to at most `max` characters at a word boundary, with "…" (a field over its limit). */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  let room = text.slice(0, max - 1);
  const c = room.charCodeAt(room.length - 1);
  if (c >= 0xd800 && c <= 0xdbff) room = room.slice(0, -1);
  const lastSpace = Math.max(room.lastIndexOf(' '), room.lastIndexOf('\n'));
  const head = lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${head.trimEnd()}…`;
}
