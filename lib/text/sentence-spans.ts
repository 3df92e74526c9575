import { endsSentence } from './sentences';

export interface Span {
  start: number;
  end: number;
}
export type SentenceSpan = Span;

const CANDIDATE_END = /[.!?]+["'”’)\]]*(?=\s|$)/g;

/**
 * Where each sentence of a text starts and ends (character offsets), so what is
 * found in a sentence can be placed back in the text (and on a time mark inside
 * it). Cuts after a word that ends a sentence (abbreviations and initials do
 * not); a text with no punctuation at all is one sentence. Only the places where
 * punctuation ends a word are looked at, not every word: this runs on whole turns.
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

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

function lastSpace(text: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (/\s/.test(text[i]!)) return i;
  return -1;
}
