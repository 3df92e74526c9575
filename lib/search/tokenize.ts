/**
 * One tokenizer for everything: the FlexSearch index, the positional token store,
 * query words and snippet marking all split text the same way, so a word that is
 * found is also a word that gets marked, and a phrase check sees the same tokens
 * the index saw.
 */

// Function words carry no meaning alone; leaving them out of the inverted index
// roughly halves its size on English speech. They stay in the token store, so
// "out of a PIP" is still verified as a phrase word by word.
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her him his how i if in into is it its ' +
    'just me my no not of on or our she so than that the their them then there these they this those to too um uh us was we were ' +
    'what when where which who why will with would you your yeah oh like'
  ).split(' '),
);

const SPLIT = /[^\p{L}\p{N}]+/u;
const MARKS = /[\u0300-\u036f]/g;

/** Lower-case, strip accents (so "café" = "cafe"), keep letters and digits. */
export function normalizeWord(word: string): string {
  return word.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;
const ASCII_SPLIT = /[^a-z0-9]+/;
const ASCII_WORD = /^[A-Za-z0-9]+$/;

/** All tokens of a text in order, duplicates and stopwords included. */
export function tokenize(text: string): string[] {
  // Plain ASCII (most transcripts) skips Unicode normalization: same tokens, several times faster.
  if (ASCII.test(text)) {
    const out: string[] = [];
    for (const part of text.toLowerCase().split(ASCII_SPLIT)) if (part) out.push(part);
    return out;
  }
  return tokenSpans(text).map((s) => s.token);
}

/** What FlexSearch indexes: tokens without stopwords, duplicates kept so the score function can count them. */
export function encodeForIndex(text: string): string[] {
  return tokenize(text).filter((t) => !STOPWORDS.has(t));
}

export interface TokenSpan {
  /** normalized token */
  token: string;
  /** UTF-16 offsets into the original text */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\u0300-\u036f]+/gu;

/**
 * Tokens with their places in the original text, for snippets. Accent marks
 * count as part of a word so "café" spans all four letters; the normalized form
 * is compared, so it matches the query word "cafe".
 */
export function tokenSpans(text: string, enough?: (span: TokenSpan) => boolean): TokenSpan[] {
  const out: TokenSpan[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    for (const piece of splitNormalized(m[0], m.index)) {
      out.push(piece);
      // the caller has what it needs (a snippet, the window around its first match)
      if (enough?.(piece)) return out;
    }
  }
  return out;
}

// A few characters (e.g. ligatures, some full-width forms) normalize into more
// than one token; keep them as one span so offsets stay honest.
function splitNormalized(raw: string, start: number): TokenSpan[] {
  // plain ASCII letters and digits normalize to themselves, lower-cased (most words of most transcripts)
  if (ASCII_WORD.test(raw)) return [{ token: raw.toLowerCase(), start, end: start + raw.length }];
  const norm = normalizeWord(raw).split(SPLIT).filter(Boolean);
  if (norm.length === 0) return [];
  return [{ token: norm.join(''), start, end: start + raw.length }];
}
