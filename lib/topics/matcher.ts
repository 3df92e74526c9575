/**
 * Every phrase of the taxonomy found in one pass over a text. Words are read
 * character by character through a trie of the taxonomy's words (so a word the
 * taxonomy does not know costs a lookup or two and makes no string); each known
 * word becomes one or more symbols, and a second trie over symbol sequences finds
 * the phrases, for all topics at once. Hand-written because the npm Aho–Corasick
 * packages match raw substrings: they know neither word boundaries nor token
 * positions, and the tagger needs both (a cue counts within so many words).
 */

export type PhraseRole = 'strong' | 'weak' | 'cue' | 'sense' | 'against' | 'ad';

export interface PhraseEntry {
  /** index into the taxonomy's topics; -1 for ad phrases, which belong to none */
  topic: number;
  role: PhraseRole;
  phrase: string;
}

export interface PhraseMatch {
  entry: PhraseEntry;
  /** word positions of the first and last word (0-based, every word of the text counts) */
  from: number;
  to: number;
  /** character offsets in the text */
  start: number;
  end: number;
}

export interface PhraseMatcher {
  scan(text: string): { matches: PhraseMatch[]; words: number };
}

const ALPHABET = 36; // a-z, 0-9

function slot(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 48 && code <= 57) return 26 + code - 48;
  return -1;
}

/** Letters and digits of any script are word characters; punctuation, spaces and symbols are not. */
function isWordChar(code: number): boolean {
  if (code < 128) return slot(code) >= 0;
  return code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && (code < 0x2000 || code > 0x206f) && code !== 0xfeff;
}

/** Per UTF-16 unit: 0 not a word character, 1..36 an ASCII letter or digit (its trie slot + 1), 255 any other letter. */
const CLASS = (() => {
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = isWordChar(c) ? (c < 128 ? slot(c) + 1 : 255) : 0;
  return t;
})();

/** The words of a phrase as the scanner reads them; a trailing * on the last word matches any ending. */
export function phraseWords(phrase: string): { words: string[]; prefix: boolean } {
  const prefix = phrase.trim().endsWith('*');
  const words = phrase.toLowerCase().replace(/\*$/, '').split(/[^a-z0-9\u00c0-\uffff]+/).filter(Boolean);
  return { words, prefix };
}

class CharTrie {
  next = new Int32Array(ALPHABET * 64).fill(-1);
  exact: number[] = [-1];
  prefix: number[] = [-1];
  size = 1;

  add(word: string, asPrefix: boolean, symbol: number): void {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const s = slot(word.charCodeAt(i));
      if (s < 0) throw new Error(`"${word}": phrase words are ASCII letters and digits`);
      let child = this.next[node * ALPHABET + s]!;
      if (child < 0) {
        child = this.size++;
        if (this.size * ALPHABET > this.next.length) {
          const grown = new Int32Array(this.next.length * 2).fill(-1);
          grown.set(this.next);
          this.next = grown;
        }
        this.next[node * ALPHABET + s] = child;
        this.exact.push(-1);
        this.prefix.push(-1);
      }
      node = child;
    }
    if (asPrefix) this.prefix[node] = symbol;
    else this.exact[node] = symbol;
  }
}

interface PhraseNode {
  next: Map<number, PhraseNode>;
  entries: PhraseEntry[];
}

export function compileMatcher(
  topics: readonly { phrases: string[]; weak: string[]; cues: string[]; senses: string[]; against: string[] }[],
  ads: readonly string[],
  file: string,
): PhraseMatcher {
  const chars = new CharTrie();
  const symbols = new Map<string, number>();
  const symbolOf = (word: string, asPrefix: boolean): number => {
    const key = asPrefix ? `${word}*` : word;
    let id = symbols.get(key);
    if (id === undefined) {
      id = symbols.size;
      symbols.set(key, id);
      chars.add(word, asPrefix, id);
    }
    return id;
  };
  const root: PhraseNode = { next: new Map(), entries: [] };
  const add = (phrase: string, entry: PhraseEntry, where: string) => {
    const { words, prefix } = phraseWords(phrase);
    if (words.length === 0) throw new Error(`${file}: ${where}: "${phrase}" has no words`);
    let node = root;
    words.forEach((w, i) => {
      let id: number;
      try {
        id = symbolOf(w, prefix && i === words.length - 1);
      } catch (err) {
        throw new Error(`${file}: ${where}: ${(err as Error).message}`);
      }
      let child = node.next.get(id);
      if (!child) node.next.set(id, (child = { next: new Map(), entries: [] }));
      node = child;
    });
    node.entries.push(entry);
  };
  topics.forEach((t, i) => {
    const roles: [PhraseRole, string[]][] = [['strong', t.phrases], ['weak', t.weak], ['cue', t.cues], ['sense', t.senses], ['against', t.against]];
    for (const [role, list] of roles) for (const phrase of list) add(phrase, { topic: i, role, phrase }, `topic ${i + 1} ${role}`);
  });
  for (const phrase of ads) add(phrase, { topic: -1, role: 'ad', phrase }, 'ads');
  return { scan: (text) => scan(text, chars, root) };
}

function scan(text: string, chars: CharTrie, root: PhraseNode): { matches: PhraseMatch[]; words: number } {
  const { next, exact, prefix } = chars;
  // known words: position, characters, and their symbols (flat)
  const pos: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const symStart: number[] = [];
  const syms: number[] = [];
  let words = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let cls = CLASS[text.charCodeAt(i)]!;
    if (cls === 0) {
      i++;
      continue;
    }
    const start = i;
    const firstSym = syms.length;
    let node = 0;
    while (cls !== 0) {
      node = cls === 255 ? -1 : next[node * ALPHABET + cls - 1]!;
      i++;
      if (node < 0) {
        // a word the taxonomy does not know: run to its end without lookups
        while (i < n && CLASS[text.charCodeAt(i)] !== 0) i++;
        break;
      }
      if (prefix[node]! >= 0) syms.push(prefix[node]!);
      cls = i < n ? CLASS[text.charCodeAt(i)]! : 0;
    }
    if (node >= 0 && exact[node]! >= 0) syms.push(exact[node]!);
    if (syms.length > firstSym) {
      pos.push(words);
      starts.push(start);
      ends.push(i);
      symStart.push(firstSym);
    }
    words++;
  }
  symStart.push(syms.length);
  const matches: PhraseMatch[] = [];
  const found: Found = { pos, starts, ends, symStart, syms, matches };
  for (let k = 0; k < pos.length; k++) walk(found, root, k, k);
  return { matches, words };
}

interface Found {
  pos: number[];
  starts: number[];
  ends: number[];
  symStart: number[];
  syms: number[];
  matches: PhraseMatch[];
}

/** Phrases that start at known word `first` and reach word `k`, following the phrase trie from `node`. */
function walk(f: Found, node: PhraseNode, first: number, k: number): void {
  for (let s = f.symStart[k]!; s < f.symStart[k + 1]!; s++) {
    const child = node.next.get(f.syms[s]!);
    if (!child) continue;
    for (const entry of child.entries) f.matches.push({ entry, from: f.pos[first]!, to: f.pos[k]!, start: f.starts[first]!, end: f.ends[k]! });
    if (child.next.size > 0 && k + 1 < f.pos.length && f.pos[k + 1] === f.pos[k]! + 1) walk(f, child, first, k + 1);
  }
}
