import { tokenSpans, type TokenSpan } from './tokenize';
import type { Highlight } from './types';

/**
 * A short window of a segment around its first phrase or match, with the matched words in
 * <mark>. Every piece of transcript text is HTML-escaped before it is put next to
 * a <mark> tag, and marks are placed by token offsets computed on the raw text
 * (never by searching the escaped text, where "lt" would match inside "&lt;"): a
 * transcript's "<script>" comes out as "&lt;script&gt;".
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export interface SnippetOptions {
  /** longest snippet in characters of source text (default 260) */
  maxChars?: number;
}

export function buildSnippet(text: string, hl: Highlight, opts: SnippetOptions = {}): string {
  const maxChars = opts.maxChars ?? 260;
  const spans = spansToShow(text, hl, maxChars);
  const marks = findMarks(spans, hl);
  let from = 0;
  let to = text.length;
  if (text.length > maxChars) {
    // the longest phrase is what was asked for most precisely: the window opens on its first mark, else on the first match
    let first = marks[0];
    for (const m of marks) if (m[1] - m[0] > 1 && (!first || m[1] - m[0] > first[1] - first[0])) first = m;
    // start a little before it so it reads in context
    const anchor = first ? spans[first[0]]!.start : 0;
    from = snapStart(spans, Math.max(0, anchor - Math.floor(maxChars / 4)));
    const limit = Math.min(text.length, from + maxChars);
    to = snapEnd(spans, limit);
    if (to <= from) to = limit; // one enormous "word": cut it rather than show nothing
  }
  let html = from > 0 ? '…' : '';
  let at = from;
  for (const [i, j] of marks) {
    const s = spans[i]!.start;
    const e = spans[j - 1]!.end;
    if (s < from || e > to) continue;
    html += escapeHtml(text.slice(at, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
    at = e;
  }
  html += escapeHtml(text.slice(at, to)).trimEnd();
  if (to < text.length) html += '…';
  return html.trim();
}

/** [first, end) token ranges to mark, in order, without overlaps: phrases as one mark, then single words. */
export function findMarks(spans: TokenSpan[], hl: Highlight): [number, number][] {
  const exact = new Set(hl.exact);
  const covered = new Uint8Array(spans.length);
  const out: [number, number][] = [];
  // the longest phrase first: "that's it" is marked whole, not as "that's" and then "it"
  for (const { words: phrase, prefix } of [...hl.phrases].sort((x, y) => y.words.length - x.words.length)) {
    const n = phrase.length;
    for (let i = 0; i + n <= spans.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const tok = spans[i + k]!.token;
        ok = k === n - 1 && prefix ? tok.startsWith(phrase[k]!) : tok === phrase[k];
      }
      if (!ok || covered.subarray(i, i + n).some((c) => c === 1)) continue;
      covered.fill(1, i, i + n);
      out.push([i, i + n]);
    }
  }
  spans.forEach((s, i) => {
    if (covered[i]) return;
    if (exact.has(s.token) || hl.prefixes.some((p) => s.token.startsWith(p))) out.push([i, i + 1]);
  });
  return out.sort((x, y) => x[0] - y[0]);
}

/**
 * The tokens a snippet needs: up to one past the window after the first
 * marked word. A turn can run to thousands of words and the window shows a
 * few dozen. A phrase is only known once its last word is read, so with
 * phrases (and in a short text) every token is read.
 */
function spansToShow(text: string, hl: Highlight, maxChars: number): TokenSpan[] {
  if (text.length <= maxChars || hl.phrases.length > 0) return tokenSpans(text);
  const exact = new Set(hl.exact);
  let until = Infinity;
  return tokenSpans(text, (s) => {
    if (until === Infinity && (exact.has(s.token) || hl.prefixes.some((p) => s.token.startsWith(p)))) until = s.start + maxChars;
    return s.start > until;
  });
}

function snapStart(spans: TokenSpan[], at: number): number {
  for (const s of spans) if (s.start >= at) return s.start;
  return at;
}

function snapEnd(spans: TokenSpan[], at: number): number {
  let end = 0;
  for (const s of spans) {
    if (s.end > at) break;
    end = s.end;
  }
  return Math.max(end, 0);
}
