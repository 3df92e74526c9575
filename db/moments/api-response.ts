import { parseMomentQuery } from '@/lib/careers/params';
import { currentCareerData } from '../career-data';
import { getServerDb, readSnapshot } from '../client';
import { findMoments } from './find-moments';

export interface MomentsApiResponse {
  status: number;
  /** JSON text: the moments, or `{ "error": … }` naming the bad parameter */
  body: string;
}

/** GET /api/moments?company=&from=&to=&kind=&track=&took=&guest=&episode=&limit=&offset= */
export function getMomentsApiResponse({ query }: { query: string }): MomentsApiResponse {
  const levels = currentCareerData().levels;
  const parsed = parseMomentQuery(new URLSearchParams(query), levels);
  if (!parsed.ok) return { status: 400, body: JSON.stringify({ error: parsed.error }) };
  const ladderDb = getServerDb();
  const result = readSnapshot(ladderDb, () => findMoments({ ladderDb, levels, query: parsed.query }));
  return { status: 200, body: JSON.stringify(result) };
}
