import { foldTerm, isContentWord, type TermStats } from './terms';
import type { ChapterInput, ChapterSegmentKind, ChapterSpeakerRole } from './types';

/** One source turn: a chapter can only start where a turn starts. */
export interface Unit {
  /** first and last segment index (inclusive) */
  first: number;
  last: number;
  /** content tokens [tokenStart, tokenEnd) */
  tokenStart: number;
  tokenEnd: number;
  /** all words, stopwords included: how long the turn is */
  words: number;
  speaker: string | null;
  role: ChapterSpeakerRole | null;
  kind: ChapterSegmentKind;
  startSeconds: number | null;
  estimated: boolean;
  /** the turn asks something */
  question: boolean;
}

/** A document reduced to what chapter generation needs: turns and content tokens. */
export interface PreparedDocument {
  input: ChapterInput;
  units: Unit[];
  /** term id of each content token */
  terms: Int32Array;
  /** 1 when the token follows the previous one directly (no stopword or punctuation between): a phrase continues */
  joined: Uint8Array;
  /** 1 when the token opens a sentence, so its capital letter says nothing about it */
  opens: Uint8Array;
  /** where each token is written: segment index and UTF-16 offset and length within its text */
  seg: Int32Array;
  at: Int32Array;
  len: Uint16Array;
  /** distinct term ids of the document (for document frequencies) */
  distinct: Int32Array;
}

const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;

/** Punctuation between two words: 2 ends a sentence, 1 breaks a phrase, 0 neither. */
function gapBreak(text: string, from: number, to: number): 0 | 1 | 2 {
  let out: 0 | 1 | 2 = 0;
  let space = false;
  let hyphen = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63) return 2; // . ! ?
    if (c === 32 || c === 10 || c === 9 || c === 13) space = true;
    else if (c === 45) hyphen = true;
    else out = 1;
  }
  // "open-source" is one phrase; "a thing - and then" is not
  return hyphen && space ? 1 : out;
}

export function prepareDocument(input: ChapterInput, stats: TermStats): PreparedDocument {
  const segs = input.segments;
  let cap = 1024;
  let terms = new Int32Array(cap);
  let joined = new Uint8Array(cap);
  let opens = new Uint8Array(cap);
  let seg = new Int32Array(cap);
  let at = new Int32Array(cap);
  let len = new Uint16Array(cap);
  let n = 0;
  const grow = () => {
    cap *= 2;
    const t = new Int32Array(cap), j = new Uint8Array(cap), o = new Uint8Array(cap), s = new Int32Array(cap), a = new Int32Array(cap), l = new Uint16Array(cap);
    t.set(terms), j.set(joined), o.set(opens), s.set(seg), a.set(at), l.set(len);
    [terms, joined, opens, seg, at, len] = [t, j, o, s, a, l];
  };
  const units: Unit[] = [];
  let seen = new Uint8Array(stats.size + 4096);
  const distinct: number[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const sameTurn = i > 0 && s.turn !== null && s.turn === segs[i - 1]!.turn;
    let unit = units[units.length - 1];
    if (!sameTurn || !unit) {
      unit = { first: i, last: i, tokenStart: n, tokenEnd: n, words: 0, speaker: s.speaker, role: s.role, kind: s.kind, startSeconds: s.startSeconds, estimated: s.estimated, question: false };
      units.push(unit);
    }
    unit.last = i;
    if (unit.startSeconds === null && s.startSeconds !== null) {
      unit.startSeconds = s.startSeconds;
      unit.estimated = s.estimated;
    }
    const text = s.text;
    if (!unit.question && text.includes('?')) unit.question = true;
    let prevEnd = 0;
    let pendingBreak = true;
    let sentenceOpen = true;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
      const raw = m[0];
      const gap = gapBreak(text, prevEnd, m.index);
      if (gap === 2) sentenceOpen = true;
      if (gap > 0) pendingBreak = true;
      prevEnd = m.index + raw.length;
      unit.words++;
      let lower = raw.toLowerCase();
      const apostrophe = lower.search(/['’]/);
      // "Amazon's", "don't": the word before the apostrophe is the word
      if (apostrophe > 0) lower = lower.slice(0, apostrophe);
      const opensSentence = sentenceOpen;
      sentenceOpen = false;
      if (!isContentWord(lower)) {
        pendingBreak = true;
        continue;
      }
      if (n === cap) grow();
      const id = stats.intern(foldTerm(lower));
      if (id >= seen.length) {
        const grown = new Uint8Array(Math.max(id + 1, seen.length * 2));
        grown.set(seen);
        seen = grown;
      }
      if (!seen[id]) {
        seen[id] = 1;
        distinct.push(id);
      }
      terms[n] = id;
      joined[n] = pendingBreak ? 0 : 1;
      opens[n] = opensSentence ? 1 : 0;
      seg[n] = i;
      at[n] = m.index;
      len[n] = Math.min(apostrophe > 0 ? apostrophe : raw.length, 65535);
      pendingBreak = false;
      n++;
    }
    unit.tokenEnd = n;
  }
  return {
    input,
    units,
    terms: terms.subarray(0, n),
    joined: joined.subarray(0, n),
    opens: opens.subarray(0, n),
    seg: seg.subarray(0, n),
    at: at.subarray(0, n),
    len: len.subarray(0, n),
    distinct: Int32Array.from(distinct),
  };
}
