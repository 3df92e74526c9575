import { NextResponse, type NextRequest } from 'next/server';
import { buildCsp } from './lib/security/csp';

/** True when every %-escape of the path decodes (to UTF-8). */
function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** A fresh nonce per request; Next.js reads it from the request's CSP header and stamps its scripts. */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = buildCsp(nonce, { dev: process.env.NODE_ENV === 'development' });
  // Next answers a dynamic route whose slug is broken percent-encoding (/episodes/%E0%A4%A)
  // with a bare 500 and no headers; it is the client's mistake, so say so here
  if (!decodable(request.nextUrl.pathname)) {
    return new NextResponse('Bad request: the address has broken %-escapes.\n', {
      status: 400,
      headers: { 'Content-Security-Policy': csp, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
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
