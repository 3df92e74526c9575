/**
 * The `---` YAML block at the top of a markdown transcript: where it is, what
 * it holds, and on which line each key sits (so validation errors can point
 * at the line a person has to fix).
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { MAX_FRONT_MATTER_CHARS } from '../limits';
import { ParseError } from '../types';
import { YAML_OPTIONS } from './yaml-options';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** 1-based file line of each top-level key */
  keyLines: Map<string, number>;
  /** 0-based index of the first line after the closing fence */
  bodyStart: number;
  /** 1-based file line of the closing fence */
  closeLine: number;
}

const FENCE = /^---\s*$/;
const CLOSE_FENCE = /^(?:---|\.\.\.)\s*$/;

/** Index of the opening fence: the first line, after at most some blank lines. */
export function frontMatterStart(lines: readonly string[]): number | null {
  const first = lines.findIndex((l) => l.trim() !== '');
  return first !== -1 && FENCE.test(lines[first]!) ? first : null;
}

/** Top-level keys of the (possibly unclosed) block, for cheap detection without YAML parsing. */
export function frontMatterKeys(lines: readonly string[], maxLines = 80): string[] {
  const open = frontMatterStart(lines);
  if (open === null) return [];
  const keys: string[] = [];
  for (const line of lines.slice(open + 1, open + 1 + maxLines)) {
    if (CLOSE_FENCE.test(line)) break;
    const m = /^([A-Za-z][\w -]*?)\s*:(?:\s|$)/.exec(line);
    if (m) keys.push(m[1]!);
  }
  return keys;
}

export function readFrontMatter(lines: readonly string[]): FrontMatter {
  const open = frontMatterStart(lines);
  if (open === null) throw new ParseError('no front matter: the file must start with a `---` line', 1);
  const openLine = open + 1;
  let close = -1;
  for (let i = open + 1; i < lines.length; i++) {
    if (CLOSE_FENCE.test(lines[i]!)) {
      close = i;
      break;
    }
  }
  if (close === -1) {
    throw new ParseError(`front matter opened on line ${openLine} never closes with a \`---\` line`, openLine);
  }

  const lineCounter = new LineCounter();
  const block = lines.slice(open + 1, close).join('\n');
  // YAML costs far more per byte than the rest of a transcript: a block this large is not metadata
  if (block.length > MAX_FRONT_MATTER_CHARS) {
    throw new ParseError(`front matter (lines ${openLine}–${close + 1}) is ${block.length.toLocaleString('en')} characters, over the ${MAX_FRONT_MATTER_CHARS.toLocaleString('en')}-character limit`, openLine);
  }
  const doc = parseDocument(block, { ...YAML_OPTIONS, lineCounter, prettyErrors: false });
  const toFileLine = (blockLine: number) => openLine + blockLine;
  const err = doc.errors[0];
  if (err) {
    const at = lineCounter.linePos(err.pos[0]).line;
    const first = err.message.split('\n')[0];
    throw new ParseError(`front matter is not valid YAML: ${first}`, at ? toFileLine(at) : openLine);
  }
  if (doc.contents === null) return { data: {}, keyLines: new Map(), bodyStart: close + 1, closeLine: close + 1 };
  if (!isMap(doc.contents)) throw new ParseError('front matter must be a list of `key: value` lines', openLine + 1);

  const keyLines = new Map<string, number>();
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) {
      keyLines.set(String(pair.key.value), toFileLine(lineCounter.linePos(pair.key.range[0]).line));
    }
  }
  const data = doc.toJS() as Record<string, unknown>;
  return { data, keyLines, bodyStart: close + 1, closeLine: close + 1 };
}
