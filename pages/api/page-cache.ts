import type { NextApiRequest, NextApiResponse } from 'next';
import { getCachedPage, isPagePath, PAGE_HEADER } from '@/server/page-cache';

/**
 * Where proxy.ts sends whole-page requests: the page from the page cache
 * (server/page-cache.ts) with a fresh nonce. A Pages API route because it must
 * send bytes as they are: Next drops Content-Encoding from a proxy's own
 * response and compresses it again, which for the largest page cost about
 * 13 ms per response; here a gzip copy made once per page goes out as is.
 */
export const config = { api: { bodyParser: false } };

export default async function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  const path = req.headers[PAGE_HEADER];
  if (req.method !== 'GET' || typeof path !== 'string' || !isPagePath(path)) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found.\n');
    return;
  }
  const page = await getCachedPage({ path, userAgent: req.headers['user-agent'] ?? '', acceptEncoding: req.headers['accept-encoding'] ?? null });
  res.statusCode = page.status;
  for (const [key, value] of page.headers) {
    if (res.hasHeader(key) && key.toLowerCase() === 'vary') res.appendHeader(key, value);
    else res.setHeader(key, value);
  }
  res.setHeader('Content-Length', page.body.length);
  res.end(page.body);
}
