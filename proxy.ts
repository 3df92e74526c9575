import { NextResponse, type NextRequest } from 'next/server';
import { isCacheablePageRequest } from './lib/page-cache/cacheable';
import { buildCsp } from './lib/security/csp';
import { PAGE_CACHE_ROUTE, PAGE_HEADER, RENDER_HEADER, pageCacheEnabled, randomHex } from './server/page-cache';

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
 * CSP header and stamps its scripts. Whole-page requests go to the page cache
 * (server/page-cache.ts), which stamps a new nonce per response itself; its own
 * requests for a render carry RENDER_HEADER and come through here to Next.
 */
export function proxy(request: NextRequest): NextResponse {
  // Next answers a dynamic route whose slug is broken percent-encoding (/episodes/%E0%A4%A)
  // with a bare 500 and no headers; it is the client's mistake, so say so here
  if (!decodable(request.nextUrl.pathname)) {
    return new NextResponse('Bad request: the address has broken %-escapes.\n', {
      status: 400,
      headers: { 'Content-Security-Policy': cspFor(randomHex()), 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const requestHeaders = new Headers(request.headers);
  const { pathname, search } = request.nextUrl;
  if (pageCacheEnabled() && !request.headers.has(RENDER_HEADER) && isCacheablePageRequest({ method: request.method, pathname, search, headers: request.headers })) {
    requestHeaders.set(PAGE_HEADER, pathname + search);
    return NextResponse.rewrite(new URL(PAGE_CACHE_ROUTE, request.url), { request: { headers: requestHeaders } });
  }
  const nonce = randomHex();
  const csp = cspFor(nonce);
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
