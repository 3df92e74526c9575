import type { NextRequest } from 'next/server';
import { getServerDb } from '@/db/client';
import { readArchiveVersion } from '@/db/search/records';
import { Lru } from '@/lib/cache/lru';
import { fillNonceTemplate, makeNonceTemplate, type NonceTemplate } from '@/lib/page-cache/nonce-template';
import { STATIC_SECURITY_HEADERS } from '@/lib/security/csp';

/**
 * Rendered pages, kept per content version, each served with a nonce of its own.
 *
 * Every page is rendered on request (the CSP nonce is per response), and a
 * long transcript costs tens of milliseconds of React rendering, so under load
 * pages queue behind each other. The pages only change when an import commits (the
 * content version), so the proxy keeps the HTML of each address and, for each
 * response, writes a fresh nonce where the render's nonce was. A miss asks this
 * same server for the page with a per-process token that the proxy lets
 * through to Next, so the HTML is exactly what Next renders; concurrent misses
 * for one address share one render.
 */
export const RENDER_HEADER = 'x-ladder-render';
const TOKEN = randomHex();
// headers Next sets again on the outer response (next.config.ts), or that describe the transfer rather than the page
const DROP = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'content-security-policy', 'x-ladder-cache', ...STATIC_SECURITY_HEADERS.map((h) => h.key.toLowerCase())]);

interface Entry {
  template: NonceTemplate;
  headers: [string, string][];
}
type Rendered = { kind: 'page'; entry: Entry } | { kind: 'other'; status: number; headers: [string, string][]; body: Buffer } | { kind: 'failed' };

const pages = new Lru<Entry>({ maxEntries: 2_000, maxSize: 128 * 1024 * 1024, sizeOf: (e) => e.template.bytes });
const pending = new Map<string, Promise<Rendered>>();

export function randomHex(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex');
}

export function pageCacheEnabled(): boolean {
  return process.env.NODE_ENV === 'production' && process.env.LADDER_PAGE_CACHE !== 'off';
}

/** The proxy's own request for a page it is about to cache: render it, do not answer it from the cache. */
export function isInternalRender(request: NextRequest): boolean {
  return request.headers.get(RENDER_HEADER) === TOKEN;
}

/** The page from the cache (rendering it first on a miss) with a new nonce, or null to let Next answer as usual. */
export async function servePage(request: NextRequest, cspFor: (nonce: string) => string): Promise<Response | null> {
  let archive: string;
  try {
    archive = readArchiveVersion(getServerDb());
  } catch {
    return null; // no database yet: the pages say how to import, uncached
  }
  pages.useVersion(archive);
  const { pathname, search } = request.nextUrl;
  // the date keeps "years in the industry" current
  const key = `${new Date().toISOString().slice(0, 10)}\n${pathname}${search}`;
  let entry = pages.get(key);
  const state = entry ? 'hit' : 'miss';
  if (!entry) {
    // joined only by requests that saw the same content version, so none waits for an older page
    const flight = `${archive}\n${key}`;
    let render = pending.get(flight);
    const leader = !render;
    if (!render) {
      render = renderPage(request).finally(() => pending.delete(flight));
      pending.set(flight, render);
    }
    const rendered = await render;
    if (rendered.kind === 'failed') return null;
    // a 404 or a redirect is answered once, as rendered, with the nonce it was rendered with; never shared
    if (rendered.kind === 'other') return leader ? new Response(new Uint8Array(rendered.body), { status: rendered.status, headers: rendered.headers }) : null;
    // an import may have committed while this page rendered: keep it only under the version it was asked for
    if (readArchiveVersion(getServerDb()) === archive) pages.set(key, rendered.entry);
    entry = rendered.entry;
  }
  const nonce = randomHex();
  const headers = new Headers(entry.headers);
  headers.set('Content-Security-Policy', cspFor(nonce));
  headers.set('X-Ladder-Cache', state);
  // a Buffer is a Uint8Array; the cast only satisfies BodyInit's ArrayBuffer-backed typing, it copies nothing
  return new Response(fillNonceTemplate(entry.template, nonce) as Uint8Array<ArrayBuffer>, { status: 200, headers });
}

async function renderPage(request: NextRequest): Promise<Rendered> {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT || 3000}`;
  try {
    const res = await fetch(origin + request.nextUrl.pathname + request.nextUrl.search, {
      headers: { [RENDER_HEADER]: TOKEN, accept: 'text/html', 'accept-encoding': 'identity', 'user-agent': request.headers.get('user-agent') ?? '' },
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(30_000),
    });
    const body = Buffer.from(await res.arrayBuffer());
    const headers = [...res.headers].filter(([k]) => !DROP.has(k.toLowerCase()));
    const nonce = /'nonce-([0-9a-f]{32,})'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    const html = (res.headers.get('content-type') ?? '').startsWith('text/html');
    if (res.status === 200 && html && nonce && !res.headers.has('set-cookie')) {
      return { kind: 'page', entry: { template: makeNonceTemplate(body, nonce), headers } };
    }
    const csp = res.headers.get('content-security-policy');
    return { kind: 'other', status: res.status, headers: csp ? [...headers, ['content-security-policy', csp]] : headers, body };
  } catch (err) {
    console.warn(`[page-cache] rendering ${request.nextUrl.pathname} for the cache failed; serving it uncached:`, err);
    return { kind: 'failed' };
  }
}

/** Forget cached pages (tests). */
export function clearPageCache(): void {
  pages.clear();
}
