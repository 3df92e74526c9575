import { normaliseSpace } from './timed-document';
import type { ParsedSegment } from './types';

/** One timed piece of speech as a subtitle-like format gives it (a cue, a word, a Whisper segment). */
export interface Cue {
  start: number;
  end?: number;
  speaker: string | null;
  text: string;
  /** force a segment boundary before this cue (e.g. YouTube's ">>" speaker-change marker) */
  breakBefore?: boolean;
}

export interface MergeOptions {
  /** a segment may close at a sentence end once it has this many words */
  minWords?: number;
  /** ... or this many sentences (and at least minWords / 2 words) */
  minSentences?: number;
  /** hard cap: a segment never grows past this, punctuation or not */
  maxWords?: number;
}

const SENTENCE_END = /[.!?…]["'”’)\]]*$/;
const wordCount = (t: string) => (t ? t.split(' ').length : 0);
const sentenceCount = (t: string) => (t.match(/[.!?…]["'”’)\]]*(?=\s|$)/g) ?? []).length;
/** "[Music]", "(applause)", "♪ ♪": sound labels, not speech */
const SOUND_ONLY = /^(?:\[[^\]]*\]|\([^)]*\)|[♪♫\s])+$/;


const GLUED = /^[,.;:!?…)\]%]/;

/** Joins pieces; punctuation sent as its own piece (one-word formats) sticks to the word before it. */
function join(a: string, b: string): string {
  if (!a) return b;
  return GLUED.test(b) ? a + b : `${a} ${b}`;
}

/**
 * Cues → readable segments. Consecutive cues of one speaker join until a sentence
 * ends and the segment is long enough to read as a paragraph; a hard word cap keeps
 * unpunctuated captions from becoming one wall of text. Speaker changes always split.
 */
export function mergeCues(cues: readonly Cue[], opts: MergeOptions = {}): ParsedSegment[] {
  const minWords = opts.minWords ?? 40;
  const minSentences = opts.minSentences ?? 3;
  const maxWords = opts.maxWords ?? 120;
  const out: ParsedSegment[] = [];
  let buf: { cue: Cue; text: string; estimated: boolean }[] = [];
  // the buffer's joined text and its word count, kept as pieces arrive: re-joining and
  // re-counting the whole buffer for every cue cost 10 s for 200,000 unpunctuated cues
  let bufText = '';
  let bufWords = 0;

  const textOf = (items: typeof buf) => items.reduce((acc, it) => join(acc, it.text), '');
  const add = (piece: (typeof buf)[number]) => {
    buf.push(piece);
    // join() glues leading punctuation to the word before: one word fewer than the two counts
    bufWords = bufText ? bufWords + wordCount(piece.text) - (GLUED.test(piece.text) ? 1 : 0) : wordCount(piece.text);
    bufText = join(bufText, piece.text);
  };
  const flush = (count = buf.length) => {
    const taken = buf.slice(0, count);
    const text = count === buf.length ? bufText : textOf(taken);
    buf = buf.slice(count);
    bufText = textOf(buf);
    bufWords = wordCount(bufText);
    if (!text) return;
    const first = taken[0]!;
    // kept to the millisecond, not floored: applyChapters must see 9.9s as after a 9.5s chapter; reshape floors
    out.push({
      chapterIndex: null,
      speaker: first.cue.speaker,
      startSeconds: Math.round(first.cue.start * 1000) / 1000,
      estimated: first.estimated,
      text,
    });
  };

  for (const raw of cues) {
    const text = normaliseSpace(raw.text);
    if (!text || SOUND_ONLY.test(text)) continue;
    for (const piece of splitLong({ ...raw, text }, maxWords)) {
      if (buf.length && (piece.cue.speaker !== buf[0]!.cue.speaker || piece.cue.breakBefore)) flush();
      // over the cap: close at the last sentence end in the buffer, or right here if there is none
      while (buf.length && bufWords + wordCount(piece.text) > maxWords) {
        const lastEnd = buf.map((b) => SENTENCE_END.test(b.text)).lastIndexOf(true);
        flush(lastEnd >= 0 ? lastEnd + 1 : buf.length);
      }
      add(piece);
      const words = bufWords;
      // sentences are counted only for a buffer under minWords: a short text
      if (
        SENTENCE_END.test(piece.text) &&
        (words >= minWords || (words >= minWords / 2 && sentenceCount(bufText) >= minSentences))
      ) {
        flush();
      }
    }
  }
  flush();
  return out;
}

/**
 * A single cue above the cap (an Otter turn, a long Whisper segment) is cut at
 * sentence ends; later pieces get a start interpolated by word position, so they
 * are marked estimated.
 */
function splitLong(cue: Cue, maxWords: number): { cue: Cue; text: string; estimated: boolean }[] {
  const words = cue.text.split(' ');
  if (words.length <= maxWords) return [{ cue, text: cue.text, estimated: false }];
  const pieces: string[][] = [];
  let cur: string[] = [];
  let lastEnd = -1;
  for (const w of words) {
    cur.push(w);
    if (SENTENCE_END.test(w)) lastEnd = cur.length;
    if (cur.length >= maxWords) {
      const cut = lastEnd > maxWords / 3 ? lastEnd : cur.length;
      pieces.push(cur.slice(0, cut));
      cur = cur.slice(cut);
      lastEnd = -1;
    }
  }
  if (cur.length) pieces.push(cur);
  const span = cue.end !== undefined && cue.end > cue.start ? cue.end - cue.start : 0;
  let offset = 0;
  return pieces.map((p, i) => {
    const start = cue.start + (span * offset) / words.length;
    offset += p.length;
    return {
      cue: { ...cue, start, breakBefore: i === 0 ? cue.breakBefore : false },
      text: p.join(' '),
      estimated: i > 0,
    };
  });
}

// A speaker label: 1-4 capitalised words ("Ana", "Dr. Ana Lopez", "ANA") or a machine label (SPEAKER_01).
const NAME = String.raw`(?:[A-Z][A-Z0-9]*_\d+|\p{Lu}[\p{L}\p{M}'’.-]*(?: \p{Lu}[\p{L}\p{M}'’.-]*){0,3}|Speaker \d{1,2})`;
const PREFIX = new RegExp(String.raw`^(?:[-–]\s*)?(${NAME}):(?:\s+|$)(.*)$`, 'u');
// capitalised words that open ordinary sentences with a colon ("Note: ...", "So: ...")
const NOT_NAMES = new Set(
  ('note notes so and but well yes no okay ok now then also plus here there update edit example warning tip ' +
    'question answer step rule lesson result summary source today yesterday tomorrow first second finally however meanwhile')
    .split(' '),
);

/** "Ana Lopez: text" → {speaker, text}; null when the line carries no name-like label. */
export function splitSpeakerPrefix(line: string): { speaker: string; text: string } | null {
  const m = PREFIX.exec(line.trim());
  if (!m || NOT_NAMES.has(m[1]!.toLowerCase())) return null;
  return { speaker: m[1]!, text: m[2]! };
}

/**
 * The lines of one cue → speaker turns. A label applies until the next label, and
 * a cue without one continues the previous speaker (captions name a voice once,
 * at the change). A bare dialogue dash ("- Yes.") is a change to an unnamed voice.
 */
export function splitCueBySpeaker(
  lines: readonly string[],
  current: string | null,
): { speaker: string | null; text: string; changed: boolean }[] {
  const out: { speaker: string | null; text: string; changed: boolean }[] = [];
  for (const line of lines) {
    const labelled = splitSpeakerPrefix(line);
    const dash = !labelled && /^\s*[-–]\s+/.test(line);
    if (labelled || dash) {
      current = labelled ? labelled.speaker : null;
      out.push({ speaker: current, text: labelled ? labelled.text : line.replace(/^\s*[-–]\s+/, ''), changed: true });
    } else if (out.length) {
      out[out.length - 1]!.text += `\n${line}`;
    } else {
      out.push({ speaker: current, text: line, changed: false });
    }
  }
  return out;
}

// shared by the timed formats; kept apart so this file is only about cues
export { TimeOrder, cleanText, isRecord, jsonObjectOrNull, normaliseSpace, parseJson, subtitleDocument, titleFromFileName, TITLE_FROM_FILE_NAME } from './timed-document';
