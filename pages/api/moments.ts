import type { NextApiRequest, NextApiResponse } from 'next';
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
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    res.statusCode = 405;
    res.end(JSON.stringify({ error: `method ${req.method ?? '?'} not allowed; use GET` }));
    return;
  }
  const url = req.url ?? '';
  const at = url.indexOf('?');
  const answer = getMomentsApiResponse({ query: at === -1 ? '' : url.slice(at + 1) });
  res.statusCode = answer.status;
  res.end(answer.body);
}
