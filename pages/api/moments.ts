import type { NextApiRequest, NextApiResponse } from 'next';
import { beginJsonGet } from '@/server/json-api';
import { getMomentsApiResponse } from '@/db/moments/api-response';

/**
 * GET /api/moments?company=&from=&to=&kind=&track=&took=&guest=&episode=&limit=&offset=
 *
 * Career moments as JSON, the same object as `ladder moments … --json`. A Pages
 * API route like /api/search (see there for why); the fixed no-script CSP and
 * the other security headers come from next.config.ts, as for every /api path.
 */
export const config = { api: { bodyParser: false } };

export default function handler(req: NextApiRequest, res: NextApiResponse): void {
  const query = beginJsonGet(req, res, 'no-store');
  if (query === null) return;
  const answer = getMomentsApiResponse({ query });
  res.statusCode = answer.status;
  res.end(answer.body);
}
