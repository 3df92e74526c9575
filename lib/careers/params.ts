import type { LevelMap, Track } from './levels';
import { MOMENT_KINDS, type MomentKind } from './types';

/** How long a promotion took, as the /promotions filter and the API name it. */
export const TOOK = {
  'under-1y': { label: 'Under a year', min: 0, max: 11 },
  '1-2y': { label: '1–2 years', min: 12, max: 24 },
  'over-2y': { label: 'Over 2 years', min: 25, max: 10_000 },
} as const;
export type Took = keyof typeof TOOK;

export interface MomentQuery {
  kind?: MomentKind;
  company?: string;
  /** level-map step keys */
  from?: string;
  to?: string;
  track?: Track;
  took?: Took;
  /** a person's slug */
  guest?: string;
  /** a document's slug */
  episode?: string;
  limit: number;
  offset: number;
}

export type ParsedMomentQuery = { ok: true; query: MomentQuery } | { ok: false; error: string };

const MAX_LIMIT = 200;

/**
 * The parameters of GET /api/moments and `ladder moments`: a level is a step of
 * the level map or any name for it ("staff", "E6" with company=Meta, "L6").
 * Unknown values are errors that name the parameter, not empty results.
 */
export function parseMomentQuery(input: URLSearchParams | Record<string, string | undefined>, levels: LevelMap): ParsedMomentQuery {
  const get = (k: string) => {
    const v = input instanceof URLSearchParams ? input.get(k) : input[k];
    return v === null || v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const query: MomentQuery = { limit: 50, offset: 0 };
  const kind = get('kind');
  if (kind) {
    if (!(MOMENT_KINDS as readonly string[]).includes(kind)) return { ok: false, error: `kind must be one of ${MOMENT_KINDS.join(', ')}` };
    query.kind = kind as MomentKind;
  }
  const company = get('company');
  if (company) query.company = company;
  for (const key of ['from', 'to'] as const) {
    const raw = get(key);
    if (!raw) continue;
    const step = levels.step(raw) ?? levels.resolve(raw, company);
    if (!step) return { ok: false, error: `${key}: "${raw}" is not a level Ladder knows (try a step such as senior, staff, m1, or a company's code with company=)` };
    query[key] = step.key;
  }
  const track = get('track');
  if (track) {
    if (track !== 'ic' && track !== 'manager') return { ok: false, error: 'track must be ic or manager' };
    query.track = track;
  }
  const took = get('took');
  if (took) {
    if (!(took in TOOK)) return { ok: false, error: `took must be one of ${Object.keys(TOOK).join(', ')}` };
    query.took = took as Took;
  }
  const guest = get('guest');
  if (guest) query.guest = guest;
  const episode = get('episode');
  if (episode) query.episode = episode;
  for (const key of ['limit', 'offset'] as const) {
    const raw = get(key);
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || (key === 'limit' && (n < 1 || n > MAX_LIMIT))) {
      return { ok: false, error: key === 'limit' ? `limit must be a whole number from 1 to ${MAX_LIMIT}` : 'offset must be a whole number ≥ 0' };
    }
    query[key] = n;
  }
  return { ok: true, query };
}
