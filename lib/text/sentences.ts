/**
 * Sentence-level helpers: short titles from a lead sentence, and splitting long
 * caption text into readable chunks. Auto-captions often have no punctuation at
 * all, so chunking falls back to word counts and never cuts inside a word.
 */

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'st', 'jr', 'sr', 'u.s']);

const CLOSERS = new Set(['.', '!', '?', '"', "'", '”', '’', ')', ']']);

/** A word that closes a sentence: ends with . ! ? optionally followed by quotes/brackets. */
export function endsSentence(word: string): boolean {
  // most words end in a letter: skip the pattern for them (this runs on every word of a page's transcript)
  if (!CLOSERS.has(word[word.length - 1] ?? '')) return false;
  const m = /^(.*?)[.!?]+["'”’)\]]*$/.exec(word);
  if (!m) return false;
  const stem = m[1]!.toLowerCase().replace(/^["'“‘(]+/, '');
  return !ABBREVIATIONS.has(stem) && !/^[a-z]$/i.test(stem);
}

export function firstSentence(text: string): string {
  const words = text.trim().split(/\s+/);
  const cut = words.findIndex(endsSentence);
  return (cut === -1 ? words : words.slice(0, cut + 1)).join(' ');
}

/** First sentence of `text`, cut at a word boundary to at most `max` chars (with "…"). */
export function shortTitle(text: string, max = 80): string {
  const sentence = firstSentence(text).replace(/\s+/g, ' ').trim();
  if (sentence.length <= max) return sentence;
  const room = sentence.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  const head = lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${head.replace(/[\s,;:–—-]+$/, '')}…`;
}

export interface WordChunk {
  text: string;
  /** index of the chunk's first word within the whole text */
  wordOffset: number;
  wordCount: number;
}

export interface ChunkOptions {
  minWords?: number;
  maxWords?: number;
}

/**
 * Splits text into chunks of roughly minWords..maxWords words: cut after a
 * sentence end once minWords is reached, or hard at maxWords when there is no
 * punctuation. A short tail is merged into the previous chunk.
 */
export function chunkWords(text: string, { minWords = 40, maxWords = 80 }: ChunkOptions = {}): WordChunk[] {
  const words = text.trim() === '' ? [] : text.trim().split(/\s+/);
  const chunks: WordChunk[] = [];
  let start = 0;
  for (let i = 0; i < words.length; i++) {
    const size = i - start + 1;
    const atSentenceEnd = size >= minWords && endsSentence(words[i]!);
    if (atSentenceEnd || size >= maxWords || i === words.length - 1) {
      chunks.push({ text: words.slice(start, i + 1).join(' '), wordOffset: start, wordCount: size });
      start = i + 1;
    }
  }
  // a short tail reads badly alone: merge it, or share the words evenly with the chunk before
  const last = chunks[chunks.length - 1];
  const prev = chunks[chunks.length - 2];
  if (last && prev && last.wordCount < minWords / 2) {
    const from = prev.wordOffset;
    const total = prev.wordCount + last.wordCount;
    const cut = total <= maxWords ? total : Math.ceil(total / 2);
    const parts = [words.slice(from, from + cut), words.slice(from + cut, from + total)].filter((p) => p.length > 0);
    chunks.splice(-2, 2, ...parts.map((p, i) => ({ text: p.join(' '), wordOffset: from + i * cut, wordCount: p.length })));
  }
  return chunks;
}

export interface SentenceSpan {
  /** offset of the sentence's first character in the text */
  from: number;
  /** offset just past its last character */
  to: number;
  /** index of its first word among the text's words */
  word: number;
  words: number;
}

export interface WordOffsets {
  starts: number[];
  ends: number[];
}

/** Where each word (run of non-space) of the text starts and ends. */
export function wordOffsets(text: string): WordOffsets {
  const starts: number[] = [];
  const ends: number[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    starts.push(m.index);
    ends.push(re.lastIndex);
  }
  return { starts, ends };
}

const CLAUSE_END = /[,;:–—]["'”’)\]]*$/;

/**
 * Sentences as character spans of the original text (nothing is rewritten, so
 * offsets line up with stored marks). Cuts after words that end a sentence and
 * at blank lines. Auto-captions have no punctuation: a run longer than
 * `maxWords` is cut into even pieces, at a comma near the cut when there is one,
 * so a time inside it stays within a few seconds.
 */
export function sentenceSpans(text: string, { maxWords = 32, words = wordOffsets(text) }: { maxWords?: number; words?: WordOffsets } = {}): SentenceSpan[] {
  const { starts, ends } = words;
  const wordAt = (i: number) => text.slice(starts[i], ends[i]);
  const runs: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < starts.length; i++) {
    const last = i === starts.length - 1;
    // a blank line between two words: only possible when more than one character separates them
    const paragraphEnd = !last && starts[i + 1]! - ends[i]! > 1 && /\n\s*\n/.test(text.slice(ends[i], starts[i + 1]));
    if (last || paragraphEnd || endsSentence(wordAt(i))) {
      runs.push([start, i + 1]);
      start = i + 1;
    }
  }
  const out: SentenceSpan[] = [];
  for (const [a, b] of runs) {
    const n = b - a;
    const pieces = Math.ceil(n / maxWords);
    let from = a;
    for (let p = 1; p <= pieces; p++) {
      let to = p === pieces ? b : a + Math.round((n * p) / pieces);
      if (p < pieces) {
        // prefer a clause end within a few words of the even cut
        for (let d = 0; d <= 4; d++) {
          if (to - d - 1 > from && CLAUSE_END.test(wordAt(to - d - 1))) {
            to -= d;
            break;
          }
          if (to + d < b && CLAUSE_END.test(wordAt(to + d - 1))) {
            to += d;
            break;
          }
        }
      }
      out.push({ from: starts[from]!, to: ends[to - 1]!, word: from, words: to - from });
      from = to;
    }
  }
  return out;
}
