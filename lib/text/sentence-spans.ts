import { endsSentence } from './sentences';

export interface Span {
  start: number;
  end: number;
}

const CANDIDATE_END = /[.!?]+["'”’)\]]*(?=\s|$)/g;

/**
 * Sentences of a text as character ranges, so what is found in a sentence can be
 * placed back in the text (and on a time mark inside it). Cuts after a word that
 * ends a sentence (abbreviations and initials do not); a text with no punctuation
 * at all is one sentence.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  CANDIDATE_END.lastIndex = 0;
  for (let m = CANDIDATE_END.exec(text); m; m = CANDIDATE_END.exec(text)) {
    const end = m.index + m[0].length;
    const wordStart = lastSpace(text, m.index) + 1;
    if (wordStart < start || !endsSentence(text.slice(wordStart, end))) continue;
    spans.push({ start, end });
    start = skipSpace(text, end);
  }
  if (start < text.length) spans.push({ start, end: text.trimEnd().length });
  return spans.filter((s) => s.end > s.start);
}

/** The sentence around `pos`, never across a line break; reads only the text near it. */
export function sentenceAt(text: string, pos: number, reach = 1500): Span {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const nl = text.indexOf('\n', pos);
  const lineEnd = nl === -1 ? text.length : nl;
  const from = Math.max(lineStart, pos - reach);
  const to = Math.min(lineEnd, pos + reach);
  const spans = sentenceSpans(text.slice(from, to));
  const hit = spans.find((s) => from + s.start <= pos && pos < from + s.end) ?? spans.find((s) => from + s.start >= pos);
  return hit ? { start: from + hit.start, end: from + hit.end } : { start: from, end: to };
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

function lastSpace(text: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (/\s/.test(text[i]!)) return i;
  return -1;
}
