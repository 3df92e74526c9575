/**
 * The body of a Markdown transcript whose turns are bold labels: `**Name:** text`
 * (or `**Name**: text`) starts a turn, and paragraphs without a label continue
 * it. Headings are kept for the caller (a `#` title, `##` chapters). Raw
 * paragraphs are returned as written; times and Markdown are the caller's.
 */
const LABEL = /^\*\*([^*\n]{1,80}?)(?::\*\*|\*\*\s*:)[ \t]*/;
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

export interface RawParagraph {
  raw: string;
  line: number;
}

export interface BoldTurn {
  label: string;
  line: number;
  headingIndex: number | null;
  paragraphs: RawParagraph[];
}

export interface BoldBody {
  h1: string | null;
  headings: { title: string; line: number }[];
  preamble: (RawParagraph & { headingIndex: number | null })[];
  turns: BoldTurn[];
}

/** "Jerod Santo: Jerod Santo" (a label typed twice) → the first part. */
function labelOf(raw: string): string {
  const label = raw.trim();
  const cut = label.indexOf(':');
  return cut > 0 ? label.slice(0, cut).trim() : label;
}

export function startsWithBoldLabel(paragraph: string): boolean {
  return LABEL.test(paragraph);
}

/** Paragraphs (blank-line separated, lines joined), with their first line numbers; `start` is 0-based. */
export function rawParagraphs(lines: readonly string[], start = 0): RawParagraph[] {
  const out: RawParagraph[] = [];
  let buf: string[] = [];
  let first = 0;
  for (let i = start; i <= lines.length; i++) {
    const line = i < lines.length ? lines[i]!.trim() : '';
    if (line === '' || HEADING.test(line)) {
      if (buf.length > 0) out.push({ raw: buf.join(' '), line: first + 1 });
      buf = [];
      if (line !== '') out.push({ raw: line, line: i + 1 });
      continue;
    }
    // a label starts a turn even when no blank line stands before it
    if (buf.length > 0 && LABEL.test(line)) {
      out.push({ raw: buf.join(' '), line: first + 1 });
      buf = [];
    }
    if (buf.length === 0) first = i;
    buf.push(line);
  }
  return out;
}

export function parseBoldBody(paragraphs: readonly RawParagraph[]): BoldBody {
  const body: BoldBody = { h1: null, headings: [], preamble: [], turns: [] };
  let open: BoldTurn | null = null;
  const headingIndex = () => (body.headings.length > 0 ? body.headings.length - 1 : null);
  for (let p of paragraphs) {
    const heading = HEADING.exec(p.raw);
    // "# **Break:** \[25:59\]": a label typed as a heading is still a turn
    if (heading && LABEL.test(heading[2]!)) p = { ...p, raw: heading[2]! };
    else if (heading) {
      if (heading[1] === '#' && body.turns.length === 0 && body.headings.length === 0 && body.h1 === null) body.h1 = heading[2]!;
      else body.headings.push({ title: heading[2]!, line: p.line });
      open = null;
      continue;
    }
    const label = LABEL.exec(p.raw);
    if (label) {
      open = { label: labelOf(label[1]!), line: p.line, headingIndex: headingIndex(), paragraphs: [] };
      body.turns.push(open);
      const rest = p.raw.slice(label[0].length);
      if (rest.trim() !== '') open.paragraphs.push({ raw: rest, line: p.line });
      continue;
    }
    if (open) open.paragraphs.push(p);
    else body.preamble.push({ ...p, headingIndex: headingIndex() });
  }
  return body;
}
