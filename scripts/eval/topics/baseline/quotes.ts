import { endsSentence } from '@/lib/text/sentences';

/** Sentences of a text, cut after words that end one (abbreviations such as "vs." are not ends). */
export function splitSentences(text: string): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const out: string[] = [];
  let start = 0;
  words.forEach((w, i) => {
    if (endsSentence(w) || i === words.length - 1) {
      out.push(words.slice(start, i + 1).join(' '));
      start = i + 1;
    }
  });
  return out;
}

function matches(matcher: RegExp | null, text: string): RegExpExecArray | null {
  if (!matcher) return null;
  const re = new RegExp(matcher.source, matcher.flags.replace('g', ''));
  return re.exec(text);
}

/** A window of about `max` characters around `at`, cut at word boundaries and marked with "…" where cut. */
function windowAround(text: string, at: number, max: number): string {
  if (text.length <= max) return text;
  let start = Math.max(0, Math.min(at - Math.floor(max / 3), text.length - max));
  let end = Math.min(text.length, start + max);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/**
 * The quotable part of a segment: the first sentence that names the topic (or
 * the first sentence), with the next one when it is short. Auto-captions have
 * no punctuation, so a long "sentence" becomes a window around the match.
 */
export function quoteFromText(text: string, matcher: RegExp | null, max = 280): string {
  const sentences = splitSentences(text);
  if (sentences.length === 0) return '';
  let idx = sentences.findIndex((s) => matches(matcher, s) !== null);
  if (idx === -1) idx = 0;
  let quote = sentences[idx]!;
  const next = sentences[idx + 1];
  if (quote.length < 100 && next && quote.length + next.length + 1 <= max) quote = `${quote} ${next}`;
  if (quote.length <= max) return quote;
  const hit = matches(matcher, quote);
  return windowAround(quote, hit?.index ?? 0, max);
}
