import { getServerDb } from '@/db/client';
import { servingVersion } from '@/db/search/index-store';
import { Lru } from '@/lib/cache/lru';
import { acceptsGzip, fillGzipTemplate, makeGzipTemplate, type GzipTemplate } from '@/lib/page-cache/gzip-template';
import { fillNonceTemplate, makeNonceTemplate, type NonceTemplate } from '@/lib/page-cache/nonce-template';
import { buildCsp, FIXED_CSP, STATIC_SECURITY_HEADERS } from '@/lib/security/csp';

/**
 * Rendered pages, kept per content version, each served with a nonce of its own.
 *
 * Every page is rendered on request (the CSP nonce is per response), and a
 * long transcript costs tens of milliseconds of React rendering, so under load
 * pages queue behind each other. The pages only change when an import commits
 * (the content version) or the server loads a newly published search index
 * (the serving version), so this keeps the HTML of each address and, for each
 * response, writes a fresh nonce where the render's nonce was, into the plain
 * page or into a gzip copy compressed once. A miss asks this same server for
 * the page with RENDER_HEADER, which proxy.ts lets through to Next, so the HTML
 * is exactly what Next renders; concurrent misses for one address share one
 * render.
 */
export const RENDER_HEADER = 'x-ladder-render';
/** proxy.ts rewrites a page request to PAGE_CACHE_ROUTE with the page's address in PAGE_HEADER */
export const PAGE_CACHE_ROUTE = '/api/page-cache';
export const PAGE_HEADER = 'x-ladder-page';
// headers set again on the way out (next.config.ts, the CSP), or that describe the transfer rather than the page
const DROP = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'content-security-policy', 'x-ladder-cache', ...STATIC_SECURITY_HEADERS.map((h) => h.key.toLowerCase())]);

interface Entry {
  template: NonceTemplate;
  /** compressed on the first request that accepts gzip (browsers all do) */
  gzip?: GzipTemplate;
  headers: [string, string][];
  /** the serving version it was rendered under, and when */
  version: string;
  renderedAt: number;
}
type Rendered = { kind: 'page'; entry: Omit<Entry, 'version'> } | { kind: 'other'; answer: CachedPage };

export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

/**
 * While an import commits, the content version moves every second (the rate the
 * server reads it at) and every page would go stale at once: rendering them all
 * again on the requests that found them stale stalled the site. So a page
 * rendered under an older version of the same database is still served, for up
 * to `staleForMs`, while one fresh render at a time replaces pages in the
 * background, each at most every `refreshEveryMs`: the requests never wait and
 * re-rendering takes a bounded share of the server.
 */
const swr = { staleForMs: 60_000, refreshEveryMs: 2_000 };
let refreshing: Promise<void> | null = null;

/** For tests. */
export function setStaleWhileRefresh(opts: Partial<typeof swr>): void {
  Object.assign(swr, opts);
}

const pages = new Lru<Entry>({ maxEntries: 2_000, maxSize: 128 * 1024 * 1024, sizeOf: (e) => Math.ceil(e.template.bytes * 1.25) }); // the page plus its gzip copy
const pending = new Map<string, Promise<Rendered>>();

export function randomHex(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex');
}

export function pageCacheEnabled(): boolean {
  return process.env.NODE_ENV === 'production' && process.env.LADDER_PAGE_CACHE !== 'off';
}

/** The page at `path` (`/episodes/x?t=5`) with a new nonce: from the cache, or rendered first on a miss. */
export async function getCachedPage({ path, userAgent, acceptEncoding }: { path: string; userAgent: string; acceptEncoding: string | null }): Promise<CachedPage> {
  let archive: string | null = null;
  try {
    archive = servingVersion(getServerDb());
  } catch {
    // no database yet: the pages say how to import; render them, keep nothing
  }
  if (archive === null) {
    const rendered = await renderPage(path, userAgent);
    return rendered.kind === 'other' ? rendered.answer : answer(rendered.entry, 'miss', acceptEncoding);
  }
  // pages of another database are never served: the version's first line is the database file
  pages.useVersion(archive.slice(0, archive.indexOf('\n')));
  // the date keeps "years in the industry" current
  const key = `${new Date().toISOString().slice(0, 10)}\n${path}`;
  const cached = pages.get(key);
  if (cached?.version === archive) return answer(cached, 'hit', acceptEncoding);
  if (cached && Date.now() - cached.renderedAt < swr.staleForMs) {
    refreshInBackground(key, path, userAgent, archive, cached);
    return answer(cached, 'stale', acceptEncoding);
  }
  // joined only by requests that saw the same content version, so none waits for an older page
  const flight = `${archive}\n${key}`;
  let render = pending.get(flight);
  const leader = !render;
  if (!render) {
    render = renderPage(path, userAgent).finally(() => pending.delete(flight));
    pending.set(flight, render);
  }
  const rendered = await render;
  if (rendered.kind === 'other') {
    // a 404 or a redirect goes out once, as rendered, with the nonce it was rendered with; a follower renders its own
    return leader ? rendered.answer : getCachedPage({ path, userAgent, acceptEncoding });
  }
  // an import may have committed while this page rendered: keep it only under the version it was asked for
  const entry: Entry = { ...rendered.entry, version: archive };
  if (servingVersion(getServerDb()) === archive) pages.set(key, entry);
  return answer(entry, 'miss', acceptEncoding);
}

/** One render at a time, of a page not rendered in the last refreshEveryMs; kept if the version still holds. */
function refreshInBackground(key: string, path: string, userAgent: string, archive: string, stale: Entry): void {
  if (refreshing || Date.now() - stale.renderedAt < swr.refreshEveryMs) return;
  refreshing = renderPage(path, userAgent)
    .then((rendered) => {
      if (rendered.kind === 'page' && servingVersion(getServerDb()) === archive) pages.set(key, { ...rendered.entry, version: archive });
    })
    .finally(() => {
      refreshing = null;
    });
}

/** Resolves when the background render in flight (if any) is done (tests). */
export function pageRefreshDone(): Promise<void> {
  return refreshing ?? Promise.resolve();
}

function answer(entry: Pick<Entry, 'template' | 'gzip' | 'headers'>, state: 'hit' | 'miss' | 'stale', acceptEncoding: string | null): CachedPage {
  const nonce = randomHex();
  const headers: [string, string][] = [...entry.headers, ['Content-Security-Policy', buildCsp(nonce)], ['X-Ladder-Cache', state]];
  if (!acceptsGzip(acceptEncoding)) return { status: 200, headers, body: fillNonceTemplate(entry.template, nonce) };
  // compressed once per page here; Next's compression leaves a response that is already encoded alone
  entry.gzip ??= makeGzipTemplate(entry.template);
  headers.push(['Content-Encoding', 'gzip']);
  if (!headers.some(([k, v]) => k.toLowerCase() === 'vary' && /\baccept-encoding\b/i.test(v))) headers.push(['Vary', 'Accept-Encoding']);
  return { status: 200, headers, body: fillGzipTemplate(entry.gzip, nonce) };
}

/** A path on this site: `/`-rooted, not `//`, not the API. Anything else would let the address pick another host. */
export function isPagePath(path: string): boolean {
  return /^\/(?![/\\])/.test(path) && !path.startsWith('/api/') && !path.startsWith('/_next/') && path.length <= 2_000;
}

async function renderPage(path: string, userAgent: string): Promise<Rendered> {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT || 3000}`;
  try {
    const url = new URL(path, origin);
    if (!isPagePath(path) || url.origin !== new URL(origin).origin) throw new Error(`not a page of this site: ${path}`);
    const ask = () =>
      fetch(url, {
        headers: { [RENDER_HEADER]: '1', accept: 'text/html', 'accept-encoding': 'identity', 'user-agent': userAgent },
        redirect: 'manual',
        cache: 'no-store',
        signal: AbortSignal.timeout(30_000),
      });
    // a kept-alive connection the server closed just as it was reused: a GET can be asked again
    const res = await ask().catch((err: unknown) => {
      if (isDroppedConnection(err)) return ask();
      throw err;
    });
    const body = Buffer.from(await res.arrayBuffer());
    const headers = [...res.headers].filter(([k]) => !DROP.has(k.toLowerCase()));
    const csp = res.headers.get('content-security-policy');
    const nonce = /'nonce-([0-9a-f]{32,})'/.exec(csp ?? '')?.[1];
    const html = (res.headers.get('content-type') ?? '').startsWith('text/html');
    if (res.status === 200 && html && nonce && !res.headers.has('set-cookie')) {
      return { kind: 'page', entry: { template: makeNonceTemplate(body, nonce), headers, renderedAt: Date.now() } };
    }
    return { kind: 'other', answer: { status: res.status, headers: [...headers, ['Content-Security-Policy', csp ?? FIXED_CSP]], body } };
  } catch (err) {
    console.error(`[page-cache] could not render ${path}:`, err);
    const message = 'The page could not be rendered just now; try again.\n';
    return { kind: 'other', answer: { status: 503, headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Retry-After', '1'], ['Content-Security-Policy', FIXED_CSP]], body: Buffer.from(message) } };
  }
}

function isDroppedConnection(err: unknown): boolean {
  const code = (err as { cause?: { code?: string } }).cause?.code;
  return err instanceof TypeError && (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET');
}

/** Forget cached pages (tests). */
export function clearPageCache(): void {
  pages.clear();
}
