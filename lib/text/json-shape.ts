/**
 * A look at text that may be JSON before anything parses it: one linear pass,
 * no recursion and no allocation per level, so 20 MB of `[[[[` or a value nested
 * a million levels deep is turned away at the first level too many instead of
 * being handed to JSON.parse and every walker after it.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether the text starts the way a JSON document does: `{`, or `[` then a value (`[00:01]` is not JSON). */
export function looksLikeJson(text: string): boolean {
  const m = /^[\s\ufeff]*(\{|\[\s*(?:[[{"\]]|-?\d+\s*[,\]]|true\b|false\b|null\b))/.exec(text.slice(0, 4096));
  return m !== null;
}

/** The first place the text nests deeper than `max` (outside strings), as a 1-based line, or null. */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): { line: number; depth: number } | null {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return { line, depth };
    } else if (c === 93 || c === 125) depth--;
  }
  return null;
}
