import { NextResponse, type NextRequest } from 'next/server';
import { buildCsp } from './lib/security/csp';
import { isCacheablePageRequest } from './lib/page-cache/cacheable';
import { isInternalRender, pageCacheEnabled, randomHex, servePage } from './server/page-cache';

/** True when every %-escape of the path decodes (to UTF-8). */
function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const cspFor = (nonce: string) => buildCsp(nonce, { dev: process.env.NODE_ENV === 'development' });

/**
 * Every page response gets a fresh nonce: Next.js reads it from the request's
 * CSP header and stamps its scripts. Whole-page requests are answered from the
 * page cache (server/page-cache.ts), which re-stamps a new nonce per response.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  // Next answers a dynamic route whose slug is broken percent-encoding (/episodes/%E0%A4%A)
  // with a bare 500 and no headers; it is the client's mistake, so say so here
  if (!decodable(request.nextUrl.pathname)) {
    return new NextResponse('Bad request: the address has broken %-escapes.\n', {
      status: 400,
      headers: { 'Content-Security-Policy': cspFor(randomHex()), 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  if (pageCacheEnabled() && !isInternalRender(request) && isCacheablePageRequest({ method: request.method, pathname: request.nextUrl.pathname, search: request.nextUrl.search, headers: request.headers })) {
    const cached = await servePage(request, cspFor);
    if (cached) return cached;
  }
  const nonce = randomHex();
  const csp = cspFor(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

// assets and the JSON API run no script: they get a fixed CSP from next.config.ts instead
export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|api/).*)' }],
};
