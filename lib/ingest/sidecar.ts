import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { TITLE_FROM_FILE_NAME } from './cues';
import { applySpeakerOverrides, speakersField } from './speaker-overrides';
import { isoDay, parseDateValue } from './text/dates';
import { YAML_OPTIONS } from './text/yaml-options';
import { ParseError, type ParsedDocument, type ParsedPerson } from './types';

const names = z.union([z.string().min(1), z.array(z.string().min(1))]).transform((v) => (Array.isArray(v) ? v : [v]));

const sidecarSchema = z
  .object({
    title: z.string().min(1),
    show: z.string().min(1),
    host: names,
    guest: names,
    date: z.union([z.string(), z.date()]),
    url: z.string().url(),
    description: z.string(),
    kind: z.enum(['episode', 'brief', 'article', 'note']),
    guest_role: z.string(),
    guest_company: z.string(),
    chapters: z.array(z.string()),
    speakers: speakersField,
  })
  .partial();

export type SidecarMeta = z.infer<typeof sidecarSchema>;

/** Parses NAME.meta.yaml; errors name the field so the message can point at it. */
export function parseSidecar(text: string): SidecarMeta {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter, prettyErrors: false });
  const err = doc.errors[0];
  if (err) throw new ParseError(`sidecar is not valid YAML: ${err.message.split('\n')[0]}`, lineCounter.linePos(err.pos[0]).line);
  const raw: unknown = doc.toJS() ?? {};
  const keyLine = (key: string) => {
    if (!isMap(doc.contents)) return undefined;
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
    return isScalar(pair?.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : undefined;
  };
  const result = sidecarSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ParseError(`sidecar field "${issue?.path.join('.')}": ${issue?.message}`, issue ? keyLine(String(issue.path[0])) : undefined);
  }
  // a date written as numbers that names no real day (month 13) is a mistake to fix, not a format to skip
  const date = result.data.date;
  if (typeof date === 'string' && /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(date.trim()) && normaliseDate(date) === null) {
    throw new ParseError(`sidecar field "date": "${date}" is not a real date`, keyLine('date'));
  }
  return result.data;
}

export function normaliseDate(value: string | Date): string | null {
  if (value instanceof Date) return isoDay(value);
  // a full timestamp names its day first
  return parseDateValue(/^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value);
}

/** Sidecar metadata wins over what the file itself says; career facts of a re-named person are kept. */
export function applySidecar(doc: ParsedDocument, meta: SidecarMeta): ParsedDocument {
  const out: ParsedDocument = { ...doc, warnings: [...doc.warnings] };
  if (meta.title) {
    out.title = meta.title;
    // the parser's fallback note no longer applies once the sidecar names the document
    out.warnings = out.warnings.filter((w) => !w.startsWith(TITLE_FROM_FILE_NAME));
  }
  if (meta.show) out.show = meta.show;
  if (meta.url) out.mediaUrl = meta.url;
  if (meta.description !== undefined) out.description = meta.description;
  if (meta.kind) out.kind = meta.kind;
  if (meta.date !== undefined) {
    const d = normaliseDate(meta.date);
    if (d) out.publishedOn = d;
    else out.warnings.push(`sidecar date "${String(meta.date)}" is not a date; ignored`);
  }
  let people = doc.people;
  const replaceRole = (role: ParsedPerson['role'], list: string[]) => {
    const previous = people.filter((p) => p.role === role);
    people = [
      ...people.filter((p) => p.role !== role),
      ...list.map((name) => previous.find((p) => p.name.toLowerCase() === name.toLowerCase()) ?? { name, role }),
    ];
  };
  if (meta.host) replaceRole('host', meta.host);
  if (meta.guest) replaceRole('guest', meta.guest);
  if (meta.guest_role || meta.guest_company) {
    people = people.map((p) =>
      p.role === 'guest'
        ? { ...p, biggestRole: meta.guest_role ?? p.biggestRole, currentCompany: meta.guest_company ?? p.currentCompany }
        : p,
    );
  }
  out.people = people;
  return meta.speakers ? applySpeakerOverrides(out, meta.speakers) : out;
}
