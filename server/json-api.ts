import type { NextApiRequest, NextApiResponse } from 'next';

/**
 * The shared start of Ladder's JSON API routes: JSON headers, GET and HEAD only
 * (405 with Allow otherwise). Returns the raw query string, or null when the
 * request has been answered.
 */
export function beginJsonGet(req: NextApiRequest, res: NextApiResponse, cacheControl: string): string | null {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', cacheControl);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    res.statusCode = 405;
    res.end(JSON.stringify({ error: `method ${req.method ?? '?'} not allowed; use GET` }));
    return null;
  }
  const url = req.url ?? '';
  const at = url.indexOf('?');
  return at === -1 ? '' : url.slice(at + 1);
}
