/**
 * Shared signals for the plain-prose formats (insight brief, article, note):
 * what counts as a heading line, and whether a text carries timestamps that
 * mark it as a transcript or subtitle file instead.
 */
import { wordCount } from './paragraphs';

const TIME_TOKEN = /(?:^|[\s([])\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?(?=$|[\s)\]:,])/;

/**
 * True when the text looks timed: subtitle cue arrows, or at least two short
 * lines carrying a clock time (Otter's `Name  1:23` headers, `[00:01:02]` lines).
 * Prose mentions a time now and then, but in long lines.
 */
export function looksTimed(text: string): boolean {
  if (/-->/.test(text)) return true;
  let hits = 0;
  for (const line of text.split('\n')) {
    if (line.length <= 80 && TIME_TOKEN.test(line) && ++hits >= 2) return true;
  }
  return false;
}

/** A paragraph that is a heading: one short line without closing punctuation. */
export function isHeadingLine(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.includes('\n') || t.length > 100) return false;
  const words = wordCount(t);
  if (words > 14) return false;
  if (/[.,;:!]$/.test(t) || /^[-*•–#>]|^\d+[.)]\s/.test(t)) return false;
  return /^[\p{Lu}\p{N}"“'‘(]/u.test(t);
}

/** Prose paragraph: long enough to be running text rather than a label or a heading. */
export function isProse(text: string, minWords = 25): boolean {
  return wordCount(text) >= minWords;
}
