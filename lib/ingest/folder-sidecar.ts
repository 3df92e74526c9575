/**
 * `show.yaml` in a folder: what every file below it shares and cannot say
 * itself. Nearer folders override farther ones, and a file's own
 * NAME.meta.yaml overrides both.
 *
 *   show: Founders Talk
 *   hosts: [Adam Stacoviak]
 *   media_url: https://changelog.com/founderstalk/{episode}   # {episode}, {file}
 *   speakers: { Adam: Adam Stacoviak }
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { speakersField } from './speaker-overrides';
import { ParseError } from './types';

export const FOLDER_SIDECAR_NAMES = ['show.yaml', 'show.yml'];

const names = z.union([z.string().min(1), z.array(z.string().min(1))]).transform((v) => (Array.isArray(v) ? v : [v]));

const folderSchema = z
  .object({
    show: z.string().min(1),
    host: names,
    hosts: names,
    media_url: z.string().min(1),
    speakers: speakersField,
    kind: z.enum(['episode', 'brief', 'article', 'note']),
  })
  .partial()
  .strict();

export type FolderMeta = z.infer<typeof folderSchema>;

export function parseFolderSidecar(text: string): FolderMeta {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (err) {
    const line = (err as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new ParseError(`not valid YAML: ${(err as Error).message.split('\n')[0]}`, line);
  }
  const result = folderSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ParseError(`field "${issue?.path.join('.') || '(top)'}": ${issue?.message}`);
  }
  return result.data;
}

/** Farther folders first: each nearer one overrides field by field (speakers merge). */
export function mergeFolderMeta(list: readonly FolderMeta[]): FolderMeta {
  const out: FolderMeta = {};
  for (const m of list) {
    const { speakers, ...rest } = m;
    Object.assign(out, rest);
    if (speakers) out.speakers = { ...out.speakers, ...speakers };
  }
  return out;
}

/** `{episode}` and `{file}` in a media URL pattern; null when the episode number it needs is unknown. */
export function expandMediaUrl(pattern: string, vars: { episode: number | null; file: string }): string | null {
  if (pattern.includes('{episode}') && vars.episode === null) return null;
  return pattern.replaceAll('{episode}', String(vars.episode ?? '')).replaceAll('{file}', encodeURIComponent(vars.file));
}
