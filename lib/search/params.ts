import { z } from 'zod';
import { MAX_QUERY_LENGTH } from './query';
import { KINDS, type DocumentKind } from './types';

/**
 * Search parameters as they arrive from a URL or a command line: strings, or
 * absent. An empty value counts as absent (a form submits `topic=` for "any").
 */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const filter = z.preprocess(blank, z.string().trim().max(100, 'must be at most 100 characters').optional());
const int = (min: number, max: number, fallback: number) =>
  z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
      .optional()
      .default(fallback),
  );

export const searchParamsSchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).optional().default(''),
  topic: filter,
  guest: filter,
  show: filter,
  speaker: filter,
  kind: z.preprocess(blank, z.enum(KINDS as [DocumentKind, ...DocumentKind[]], { message: `must be one of ${KINDS.join(', ')}` }).optional()),
  role: z.preprocess(blank, z.enum(['guest', 'host'], { message: 'must be guest or host' }).optional()),
  limit: int(1, 50, 20),
  offset: int(0, 1000, 0),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

export type ParamsResult = { ok: true; params: SearchParams } | { ok: false; error: string };

const KEYS = ['q', 'topic', 'guest', 'show', 'speaker', 'kind', 'role', 'limit', 'offset'] as const;

/** Reads and checks the known parameters; unknown ones are ignored, a known one given twice is an error (which would win is a guess). */
export function parseSearchParams(input: URLSearchParams | Record<string, string | undefined>): ParamsResult {
  const raw: Record<string, string | undefined> = {};
  for (const k of KEYS) {
    if (input instanceof URLSearchParams) {
      const all = input.getAll(k);
      if (all.length > 1) return { ok: false, error: `${k}: given more than once` };
      raw[k] = all[0];
    } else raw[k] = input[k];
  }
  const result = searchParamsSchema.safeParse(raw);
  if (result.success) return { ok: true, params: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: issue ? `${issue.path.join('.') || 'parameters'}: ${issue.message}` : 'invalid parameters' };
}
