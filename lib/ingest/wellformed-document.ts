import { cleanLabel } from '@/lib/text/names';
import { lineOf, replaceIllFormed } from '@/lib/text/wellformed';
import type { ParsedDocument } from './types';

/** A source the document was parsed from, for pointing at the line an escape sits on. */
export interface SourceText {
  label: string;
  text: string;
}

// an escape in JSON or YAML text that makes NUL or half a surrogate pair
const BAD_ESCAPE = /\\u0000|\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}/;

/**
 * Speaker labels and people's names cleaned for matching (lib/text/names.ts), and
 * NUL and lone surrogates that escapes put into parsed strings (`"\u0000"`,
 * `"\ud800"` in JSON or YAML) become U+FFFD, with a warning naming the fields
 * and the line of the first such escape. Bytes on disk never decode to them
 * (the decoder is strict), and raw NULs were replaced before parsing.
 */
export function replaceIllFormedText(doc: ParsedDocument, sources: readonly SourceText[]): ParsedDocument {
  let count = 0;
  const fields = new Set<string>();
  const fix = <T extends string | null | undefined>(value: T, field: string): T => {
    if (typeof value !== 'string') return value;
    const r = replaceIllFormed(value);
    if (r.count === 0) return value;
    count += r.count;
    fields.add(field);
    return r.text as T;
  };
  const out: ParsedDocument = {
    ...doc,
    title: fix(doc.title, 'title'),
    description: fix(doc.description, 'description'),
    summary: fix(doc.summary, 'summary'),
    show: fix(doc.show, 'show'),
    mediaUrl: fix(doc.mediaUrl, 'media URL'),
    // names are matched as cleanLabel writes them: a zero-width joiner or a bidi override never makes a lookalike person
    people: doc.people
      .map((p) => ({
        ...p,
        name: cleanLabel(fix(p.name, 'people')),
        biggestRole: fix(p.biggestRole, 'people'),
        currentCompany: fix(p.currentCompany, 'people'),
        companySize: fix(p.companySize, 'people'),
      }))
      .filter((p) => p.name !== ''),
    chapters: doc.chapters.map((c) => ({ ...c, title: fix(c.title, 'chapter titles') })),
    segments: doc.segments.map((s) => {
      const speaker = fix(s.speaker, 'speakers');
      return { ...s, text: fix(s.text, 'text'), speaker: speaker === null || speaker === undefined ? speaker : cleanLabel(speaker) || null };
    }),
  };
  if (count === 0) return out;
  const where = sources.map((s) => ({ s, m: BAD_ESCAPE.exec(s.text) })).find((x) => x.m);
  const at = where ? ` (first escape on line ${lineOf(where.s.text, where.m!.index)}${where.s.label ? ` of the ${where.s.label}` : ''})` : '';
  out.warnings = [...doc.warnings, `${count} NUL or lone surrogate character(s) in ${[...fields].join(', ')} replaced with U+FFFD${at}`];
  return out;
}

/** Raw text before parsing: NULs become U+FFFD, with a warning naming the first line. */
export function replaceNul(text: string, label: string): { text: string; warning: string | null } {
  const r = replaceIllFormed(text);
  if (r.count === 0) return { text, warning: null };
  return { text: r.text, warning: `${r.count} NUL character(s)${label ? ` in the ${label}` : ''} replaced with U+FFFD (first on line ${lineOf(text, r.first)})` };
}
