import { sentenceSpans, type Span } from '../text/sentence-spans';
import type { MomentInput } from './input';
import { triggerOffsets } from './trigger';

/** Turns, sentences, seconds and quotes: where in a document a moment is told. */
export type Segment = MomentInput['segments'][number];

export interface Turn {
  speaker: string | null;
  label: string | null;
  role: 'host' | 'guest' | null;
  segments: Segment[];
}

const QUOTE_MAX = 360;

/** Consecutive segments of one source turn (a long turn is split into several segments). */
export function turnsOf(input: MomentInput): Turn[] {
  const role = new Map(input.people.map((p) => [p.name, p.role]));
  const turns: Turn[] = [];
  for (const s of input.segments) {
    const last = turns[turns.length - 1];
    const first = last?.segments[0];
    if (last && first && first.turn === s.turn && first.speakerLabel === s.speakerLabel && first.kind === s.kind) last.segments.push(s);
    else turns.push({ speaker: s.speakerName, label: s.speakerLabel, role: s.speakerName ? (role.get(s.speakerName) ?? null) : null, segments: [s] });
  }
  return turns;
}

export const turnText = (turn: Turn | undefined) => (turn ? turn.segments.map((s) => s.text).join('\n') : '');

/** The second a sentence starts at: the time mark before it in the segment, else the segment's start. */
export function secondOf(seg: Segment, offset: number): { seconds: number | null; estimated: boolean } {
  let best: { seconds: number | null; estimated: boolean } = { seconds: seg.startSeconds, estimated: seg.estimated };
  for (const [at, seconds, exact] of seg.marks ?? []) {
    if (at > offset) break;
    best = { seconds: Math.floor(seconds), estimated: exact === 0 };
  }
  return best;
}

/** The sentence as a quote; a very long one is cut around the moment, at word boundaries. */
export function quoteOf(text: string, span: Span, at: number): string {
  const s = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  if (s.length <= QUOTE_MAX) return s;
  const rel = Math.max(0, at - span.start - 120);
  const from = rel === 0 ? 0 : s.indexOf(' ', rel) + 1;
  const cut = s.slice(from, from + QUOTE_MAX);
  return `${from > 0 ? '…' : ''}${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** Sentences, never across a line break (a heading above a paragraph is not part of its first sentence). */
export function spansOf(text: string): Span[] {
  const out: Span[] = [];
  const line = /[^\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    for (const s of sentenceSpans(m[0])) out.push({ start: m.index + s.start, end: m.index + s.end });
  }
  return out;
}

export const sentencesOf = (text: string) => spansOf(text).map((s) => text.slice(s.start, s.end));

/**
 * The sentences from `from` on that hold a trigger word, each with the sentence
 * before it in its paragraph. Only the paragraphs (lines) that hold a trigger
 * are split: a long turn is mostly never split at all.
 */
export function triggeredSentences(text: string, from: number, extra?: RegExp): { span: Span; prev: Span | null }[] {
  const at = triggerOffsets(from > 0 ? text.slice(from) : text, extra).map((i) => i + from);
  const out: { span: Span; prev: Span | null }[] = [];
  let lineEnd = -1;
  let spans: Span[] = [];
  for (const pos of at) {
    if (pos >= lineEnd) {
      const lineStart = text.lastIndexOf('\n', pos) + 1;
      const nl = text.indexOf('\n', pos);
      lineEnd = nl === -1 ? text.length : nl;
      spans = sentenceSpans(text.slice(lineStart, lineEnd)).map((s) => ({ start: lineStart + s.start, end: lineStart + s.end }));
    }
    const i = spans.findIndex((s) => s.start <= pos && pos < s.end);
    if (i === -1 || out.some((o) => o.span.start === spans[i]!.start)) continue;
    out.push({ span: spans[i]!, prev: spans[i - 1] ?? null });
  }
  return out;
}

/**
 * A name read from the text ("started working at X") that the conversation
 * calls a project is not an employer: people work at companies and on projects.
 */
export function isProject(name: string, text: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    String.raw`\b(?:work(?:ed|ing)?\s+on|contribut\w*\s+to|maintain\w*(?:\s+of)?|foray\s+into)\s+${n}\b|\b${n}\b[^.?!\n]{0,40}\b(?:project|library|framework|open\s+source|repo|codebase|maintainers?)\b`,
  ).test(text);
}
