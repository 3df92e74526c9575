/**
 * Paragraph splitting shared by the prose formats. Saved web pages come in two
 * shapes: one paragraph per (very long) line with no blank lines between, or
 * hard-wrapped text with blank lines between paragraphs. Both are handled.
 */
export interface Paragraph {
  text: string;
  /** 1-based line number of the paragraph's first line */
  line: number;
}

/** Hard-wrapped prose never has lines this long; longer lines are whole paragraphs. */
const WRAP_WIDTH = 100;
const LIST_ITEM = /^\s*(?:[-*•–]|\d+[.)])\s+/;
const STARTS_FRESH = /^[\p{Lu}\p{N}"“'‘(]/u;

/** `firstLine` is the 1-based number of lines[0] in the original file. */
export function splitParagraphs(lines: readonly string[], firstLine = 1): Paragraph[] {
  const out: Paragraph[] = [];
  let block: { text: string; line: number }[] = [];
  const flush = () => {
    // a loop, not push(...list): one block of 200,000 lines would overflow the stack as arguments
    if (block.length > 0) for (const p of blockToParagraphs(block)) out.push(p);
    block = [];
  };
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '') flush();
    else block.push({ text, line: firstLine + i });
  });
  flush();
  return out;
}

function blockToParagraphs(block: { text: string; line: number }[]): Paragraph[] {
  const first = block[0]!;
  if (block.length === 1) return [{ text: first.text, line: first.line }];
  // soft-wrapped prose has short lines and continuation lines that start in
  // lower case; long lines, or lines that all start like a new sentence or
  // label (a title, byline and date stacked up), are separate paragraphs
  const wrapped = block.every((l) => l.text.length <= WRAP_WIDTH) && !block.every((l) => STARTS_FRESH.test(l.text));
  if (!wrapped) return block.map((l) => ({ text: l.text, line: l.line }));
  // lists keep their line breaks; soft-wrapped prose is re-flowed onto one line
  const isList = block.filter((l) => LIST_ITEM.test(l.text)).length >= 2;
  return [{ text: block.map((l) => l.text).join(isList ? '\n' : ' '), line: first.line }];
}

/** Lines of a decoded text (decode.ts already folded CRLF to \n). */
export function splitLines(text: string): string[] {
  return text.split('\n');
}

/**
 * The first `n` lines, however long they are: detection looks at a file's head
 * by lines, not by characters, so one very long front-matter line cannot push
 * the keys after it out of view.
 */
export function headLines(text: string, n: number): string[] {
  const out: string[] = [];
  let at = 0;
  while (out.length < n && at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl;
    out.push(text.slice(at, end));
    if (nl === -1) break;
    at = nl + 1;
  }
  return out;
}

export function wordCount(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}
