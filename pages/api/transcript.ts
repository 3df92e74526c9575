import type { NextApiRequest, NextApiResponse } from 'next';
import { beginJsonGet } from '@/server/json-api';
import { getTranscriptResponse } from '@/db/transcript/transcript-response';

/**
 * GET /api/transcript?slug=&part=N, or ?slug=&text=1: the parts of a long
 * transcript the episode page did not send, fetched as the reader reaches
 * them, and the whole text for the find-in-transcript box. A Pages API route
 * for the same reason as /api/search (no Web Request/Response adapters).
 */
export const config = { api: { bodyParser: false } };

export default function handler(req: NextApiRequest, res: NextApiResponse): void {
  // an import changes the ETag: revalidate every time, answer 304 while it holds
  const query = beginJsonGet(req, res, 'no-cache');
  if (query === null) return;
  const answer = getTranscriptResponse(new URLSearchParams(query));
  if (answer.etag) {
    res.setHeader('ETag', answer.etag);
    if (req.headers['if-none-match'] === answer.etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
  }
  res.statusCode = answer.status;
  res.end(answer.body);
}
