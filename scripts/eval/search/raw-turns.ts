import fs from 'node:fs';
import path from 'node:path';

/**
 * An independent reading of the Changelog dialect, for pooling passages to
 * label before Ladder's own parser existed: a turn starts at each `**Name:**`
 * label at the start of a line (breaks included) and runs to the next one.
 * Turn numbers are the labels' indexes in file order, as TurnRef counts them.
 */
export interface RawTurn {
  turn: number;
  speaker: string;
  text: string;
}

const LABEL = /^\*\*([^*\n]{1,100}?)(?::\*\*|\*\*:)[ \t]*/gm;

export function readRawTurns(file: string): RawTurn[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: RawTurn[] = [];
  const starts: { at: number; body: number; speaker: string }[] = [];
  for (const m of src.matchAll(LABEL)) starts.push({ at: m.index, body: m.index + m[0].length, speaker: m[1]!.trim() });
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.at : src.length;
    out.push({ turn: i, speaker: s.speaker, text: plain(src.slice(s.body, end)) });
  });
  return out;
}

/** Markdown escapes, links and emphasis to plain text (enough to search and read). */
function plain(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([\\[\]#*_()<>!.-])/g, '$1')
    .replace(/\*\*?|__?/g, '')
    .replace(/\s*\n\s*\n\s*/g, '\n\n')
    .trim();
}

export function changelogFiles(root: string): string[] {
  const files: string[] = [];
  for (const dir of fs.readdirSync(root).sort()) {
    const p = path.join(root, dir);
    if (!fs.statSync(p).isDirectory()) continue;
    for (const f of fs.readdirSync(p).sort()) if (f.endsWith('.md')) files.push(path.join(p, f));
  }
  return files;
}
