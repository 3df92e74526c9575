/**
 * Text that SQLite, JSON and the pages can carry as it is. Two kinds of
 * character cannot be: NUL (U+0000), which C strings stop at and which no
 * transcript means, and lone UTF-16 surrogates, which JSON and YAML escapes
 * (`\ud800`) can produce although they are not characters at all and cannot be
 * written as UTF-8. Both become U+FFFD, the replacement character, and the
 * caller warns.
 */
export const REPLACEMENT = '\ufffd';

export interface Replaced {
  text: string;
  /** how many characters were replaced */
  count: number;
  /** index in the original text of the first one, or -1 */
  first: number;
}

// a high surrogate not followed by a low one, or a low one not preceded by a high one
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function replaceIllFormed(text: string): Replaced {
  const nul = text.indexOf('\0');
  const wellFormed = text.isWellFormed();
  if (nul === -1 && wellFormed) return { text, count: 0, first: -1 };
  let count = 0;
  let first = -1;
  const out = text.replace(wellFormed ? /\0/g : new RegExp(`\\0|${LONE_SURROGATE.source}`, 'g'), (_m, offset: number) => {
    count++;
    if (first === -1) first = offset;
    return REPLACEMENT;
  });
  return { text: out, count, first };
}

/** 1-based line of a character index. */
export function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

// a JSON or YAML escape of a surrogate that does not pair up, as written in the source
const LONE_ESCAPE = /\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}/;

/** The line of the first escape in `source` that makes a lone surrogate (`\ud800`), or null. */
export function loneSurrogateEscapeLine(source: string): number | null {
  const m = LONE_ESCAPE.exec(source);
  return m ? lineOf(source, m.index) : null;
}
