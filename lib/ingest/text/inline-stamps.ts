/**
 * Times written inside transcript text: a bare stamp at the start of a thought
 * (`\[00:04:22.21\]`, `[04:09]`) or a transcriber's note that carries one
 * (`\[unintelligible 00:02:59.11\]`). Stamps leave the text and become times at
 * the place they stood; a note keeps its words (`[unintelligible]`).
 */
import { stripInlineMarkdown } from '@/lib/text/markdown';
import { parseTimestamp } from '@/lib/text/time';

const CLOCK = String.raw`(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;
const INLINE_TIME = new RegExp(String.raw`\\?\[\s*(?:([\p{L}][\p{L}'’ -]{0,40}?)\s+)?(${CLOCK})\s*\\?\]`, 'gu');

export interface StampedText {
  /** plain text: stamps removed, Markdown stripped */
  text: string;
  /** where each time stood in `text`, in order of appearance */
  stamps: { at: number; seconds: number }[];
}

function append(out: string, piece: string): string {
  if (piece.trim() === '') return out;
  if (out === '') return piece.trimStart();
  return /^[\s,.;:!?…)\]]/.test(piece) ? out.trimEnd() + piece.replace(/^\s+(?=[,.;:!?…)\]])/, '') : `${out.trimEnd()} ${piece.trimStart()}`;
}

export function extractInlineStamps(raw: string): StampedText {
  // most paragraphs have no time in them: skip the scan (it is the costliest regex here)
  if (!raw.includes('[') || !raw.includes(':')) return { text: stripInlineMarkdown(raw).trim(), stamps: [] };
  const stamps: StampedText['stamps'] = [];
  let out = '';
  let last = 0;
  for (const m of raw.matchAll(INLINE_TIME)) {
    const seconds = parseTimestamp(m[2]!);
    if (seconds === null) continue;
    out = append(out, stripInlineMarkdown(raw.slice(last, m.index)));
    const at = out === '' ? 0 : out.trimEnd().length + 1;
    stamps.push({ at, seconds });
    if (m[1]) out = append(out, `[${m[1].trim()}]`);
    last = m.index + m[0].length;
  }
  out = append(out, stripInlineMarkdown(raw.slice(last))).trim();
  for (const s of stamps) s.at = Math.min(s.at, out.length);
  return { text: out, stamps };
}
