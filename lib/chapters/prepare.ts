import type { TermStats } from './terms';
import { WordTable } from './word-table';
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
  /** start of the turn's last timed segment */
  lastStartSeconds: number | null;
  /** the turn asks something */
  question: boolean;
}

/** A document reduced to what chapter generation needs: turns and content tokens. */
export interface PreparedDocument {
  input: ChapterInput;
  units: Unit[];
  /** local term id of each content token (0..vocab.length-1) */
  terms: Int32Array;
  /** local id → archive term id (TermStats); also the document's distinct terms */
  vocab: Int32Array;
  /** 1 when the token follows the previous one directly (no stopword or punctuation between): a phrase continues */
  joined: Uint8Array;
  /** 1 when the token opens a sentence, so its capital letter says nothing about it */
  opens: Uint8Array;
  /** where each token is written: segment index and UTF-16 offset and length within its text */
  seg: Int32Array;
  at: Int32Array;
  len: Uint16Array;
}

const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;
const ASCII = /^[\x00-\x7f]*$/;

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

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

function scanUnicode(text: string, word: (start: number, end: number, partEnd: number) => void): void {
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const apostrophe = m[0].search(/['’]/);
    word(m.index, m.index + m[0].length, m.index + (apostrophe > 0 ? apostrophe : m[0].length));
  }
}

function widened<T extends Int32Array | Uint8Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Archive id → local id for the document being prepared; a stamp marks which entries are current. */
let localOf = new Int32Array(0);
let stampOf = new Int32Array(0);
let stamp = 0;

export function prepareDocument(input: ChapterInput, stats: TermStats): PreparedDocument {
  const segs = input.segments;
  let chars = 0;
  for (const s of segs) chars += s.text.length;
  // about one content word in every 20 characters of speech; grown if not
  let cap = Math.max(256, Math.ceil(chars / 16));
  let terms = new Int32Array(cap);
  let joined = new Uint8Array(cap);
  let opens = new Uint8Array(cap);
  let seg = new Int32Array(cap);
  let at = new Int32Array(cap);
  let len = new Uint16Array(cap);
  let n = 0;
  const grow = () => {
    cap *= 2;
    terms = widened(terms, new Int32Array(cap));
    joined = widened(joined, new Uint8Array(cap));
    opens = widened(opens, new Uint8Array(cap));
    seg = widened(seg, new Int32Array(cap));
    at = widened(at, new Int32Array(cap));
    len = widened(len, new Uint16Array(cap));
  };
  stamp++;
  const vocab: number[] = [];
  const units: Unit[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const sameTurn = i > 0 && s.turn !== null && s.turn === segs[i - 1]!.turn;
    let unit = units[units.length - 1];
    if (!sameTurn || !unit) {
      unit = { first: i, last: i, tokenStart: n, tokenEnd: n, words: 0, speaker: s.speaker, role: s.role, kind: s.kind, startSeconds: s.startSeconds, estimated: s.estimated, lastStartSeconds: null, question: false };
      units.push(unit);
    }
    unit.last = i;
    if (s.startSeconds !== null) unit.lastStartSeconds = s.startSeconds;
    if (unit.startSeconds === null && s.startSeconds !== null) {
      unit.startSeconds = s.startSeconds;
      unit.estimated = s.estimated;
    }
    const text = s.text;
    if (!unit.question && text.includes('?')) unit.question = true;
    const current = unit;
    // one token: where it is, whether punctuation or a stopword came before it, its term
    let pendingBreak = true;
    let sentenceOpen = true;
    const token = (id: number, start: number, partEnd: number) => {
      current.words++;
      const opensSentence = sentenceOpen;
      sentenceOpen = false;
      if (id < 0) {
        pendingBreak = true;
        return;
      }
      if (id >= stampOf.length) {
        const size = Math.max(id + 1, stampOf.length * 2, 4096);
        localOf = widened(localOf, new Int32Array(size));
        stampOf = widened(stampOf, new Int32Array(size));
      }
      if (stampOf[id] !== stamp) {
        stampOf[id] = stamp;
        localOf[id] = vocab.length;
        vocab.push(id);
      }
      if (n === cap) grow();
      terms[n] = localOf[id]!;
      joined[n] = pendingBreak ? 0 : 1;
      opens[n] = opensSentence ? 1 : 0;
      seg[n] = i;
      at[n] = start;
      len[n] = Math.min(partEnd - start, 65535);
      pendingBreak = false;
      n++;
    };
    if (ASCII.test(text)) {
      // the common case in one pass over the characters: words hashed as they are read, gaps judged as they are crossed
      const low = text.toLowerCase();
      const end = low.length;
      let space = false;
      let hyphen = false;
      let k = 0;
      while (k < end) {
        let c = low.charCodeAt(k);
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
          if (hyphen && space) pendingBreak = true;
          space = hyphen = false;
          const start = k;
          let h = WordTable.SEED;
          do {
            h = WordTable.step(h, c);
            c = ++k < end ? low.charCodeAt(k) : 0;
          } while ((c >= 97 && c <= 122) || (c >= 48 && c <= 57));
          const partEnd = k;
          // "don't", "Amazon's": the word is the part before the apostrophe
          if (c === 39 && k + 1 < end && isAlnum(low.charCodeAt(k + 1))) {
            k++;
            while (k < end && isAlnum(low.charCodeAt(k))) k++;
          }
          token(stats.lookup(low, start, partEnd, h), start, partEnd);
        } else {
          if (c === 46 || c === 33 || c === 63) sentenceOpen = pendingBreak = true;
          else if (c === 32 || c === 10 || c === 9 || c === 13) space = true;
          else if (c === 45) hyphen = true;
          else pendingBreak = true;
          k++;
        }
      }
    } else {
      let prevEnd = 0;
      scanUnicode(text, (start, _end, partEnd) => {
        const gap = gapBreak(text, prevEnd, start);
        if (gap === 2) sentenceOpen = true;
        if (gap > 0) pendingBreak = true;
        prevEnd = _end;
        token(stats.lookup(text.slice(start, partEnd).toLowerCase()), start, partEnd);
      });
    }
    unit.tokenEnd = n;
  }
  return {
    input,
    units,
    terms: terms.subarray(0, n),
    vocab: Int32Array.from(vocab),
    joined: joined.subarray(0, n),
    opens: opens.subarray(0, n),
    seg: seg.subarray(0, n),
    at: at.subarray(0, n),
    len: len.subarray(0, n),
  };
}
