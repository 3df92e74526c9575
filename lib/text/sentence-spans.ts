import { endsSentence } from './sentences';

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Where each sentence of a text starts and ends (character offsets), cut after words that end one. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const word = /\S+/g;
  let start = -1;
  let end = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    if (start < 0) start = m.index;
    end = m.index + m[0].length;
    if (endsSentence(m[0])) {
      out.push({ start, end });
      start = -1;
    }
  }
  if (start >= 0) out.push({ start, end });
  return out;
}
