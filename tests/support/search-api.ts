import type { NextApiRequest, NextApiResponse } from 'next';
import handler from '@/pages/api/search';

export interface ApiCall {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Runs the real /api/search route on a minimal request and response, as `next start` would call it. */
export async function callSearchApi(qs: string, method = 'GET'): Promise<ApiCall> {
  const headers: Record<string, string> = {};
  let text = '';
  const res = {
    statusCode: 200,
    setHeader(key: string, value: string | number) {
      headers[key.toLowerCase()] = String(value);
      return res;
    },
    end(body?: string) {
      text = body ?? '';
      return res;
    },
  };
  await handler({ method, url: `/api/search${qs === '' ? '' : `?${qs}`}` } as NextApiRequest, res as unknown as NextApiResponse);
  return { status: res.statusCode, headers, body: JSON.parse(text) as Record<string, unknown> };
}
