import type { NextApiRequest, NextApiResponse } from 'next';
import { beginJsonGet } from '@/server/json-api';
import { getSearchApiResponse } from '@/db/search/api-response';

/**
 * GET /api/search?q=&topic=&guest=&show=&speaker=&kind=&role=&limit=&offset=
 *
 * Pages by passage: `offset` and `limit` count passages, best first, and the
 * answer says so (`paging`). `total` counts the matching passages (one text
 * in several places once) and `documents` the episodes they are in. The
 * search page pages by episode instead (db/search/search-groups.ts).
 *
 * A Pages Router API route rather than an App Router route handler: measured
 * with autocannon on this 2-core machine (50 connections), `next start` answers
 * a trivial App Router handler at about 1,850 req/s with a p99 near 50 ms, and a
 * trivial Pages API route at about 4,000 req/s with a p99 near 30 ms, because
 * the latter skips the Web Request/Response adapters. The search itself is the
 * same function either way. The fixed no-script CSP and the other security
 * headers come from next.config.ts, as for every /api path.
 */
export const config = { api: { bodyParser: false } };

export default async function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  const query = beginJsonGet(req, res, 'no-store');
  if (query === null) return;
  const answer = await getSearchApiResponse({ query });
  if (answer.cache) res.setHeader('X-Ladder-Cache', answer.cache);
  res.statusCode = answer.status;
  res.end(answer.body);
}
