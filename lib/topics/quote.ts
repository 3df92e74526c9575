import { sentenceSpans } from '../text/sentence-spans';
import { scanText } from './evidence';
import type { Taxonomy } from './taxonomy';

/** A window of about `max` characters around `at`, cut at word boundaries and marked with "…" where cut. */
function windowAround(text: string, at: number, max: number): string {
  let start = Math.max(0, Math.min(at - Math.floor(max / 3), text.length - max));
  let end = Math.min(text.length, start + max);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The point of a passage on a topic: the sentence where the topic's phrases
 * cluster most (as the tagger scored it), with the sentence after it and then
 * the one before while they fit — one to three sentences. Auto-captions have no
 * punctuation, so a long "sentence" becomes a window around the point.
 * `start` is where the quote begins in the text, to find the second it is said at.
 */
export function topicQuote(text: string, taxonomy: Taxonomy | null, slug: string, max = 290): { text: string; start: number } {
  const ti = taxonomy ? taxonomy.topics.findIndex((t) => t.slug === slug) : -1;
  const evidence = taxonomy && ti >= 0 ? scanText(text, taxonomy).topics.get(ti) : undefined;
  const at = evidence && evidence.hits.length > 0 ? evidence.at : 0;
  const spans = sentenceSpans(text);
  if (spans.length === 0) return { text: '', start: 0 };
  let i = spans.findIndex((s) => at < s.end);
  if (i < 0) i = spans.length - 1;
  let from = i;
  let to = i;
  const len = () => spans[to]!.end - spans[from]!.start;
  if (len() > max) return { text: windowAround(tidy(text.slice(spans[i]!.start, spans[i]!.end)), Math.max(0, at - spans[i]!.start), max), start: spans[i]!.start };
  // enough to read the point in context, never past three sentences or `max` characters
  while (to - from < 2 && len() < max / 2) {
    const next = spans[to + 1];
    const prev = spans[from - 1];
    if (next && next.end - spans[from]!.start <= max) to++;
    else if (prev && spans[to]!.end - prev.start <= max) from--;
    else break;
  }
  return { text: tidy(text.slice(spans[from]!.start, spans[to]!.end)), start: spans[from]!.start };
}
