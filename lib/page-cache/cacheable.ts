/**
 * Which requests the page cache may answer: a browser (or crawler) asking for a
 * whole page. Router requests from the client (RSC payloads, prefetches, server
 * actions) get a different body for the same URL, files with an extension
 * (robots.txt, sitemap.xml, icon.svg) are not pages, and a very long address
 * is not worth a cache slot. Crawlers are rendered as usual: Next renders
 * pages differently for some of them (metadata in <head>, no streaming), so
 * their HTML is not the HTML a browser gets. The pattern is wider than Next's
 * own lists, so anything Next treats as a bot is left out.
 */
const BOT_LIKE = /bot|crawl|spider|slurp|google|bing|yandex|baidu|sogou|lighthouse|tumblr|vkshare|quora|ia_archiver|facebook|whatsapp|skypeuripreview|yeti|preview|headless-?shell/i;
const ROUTER_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-action'];
const MAX_KEY_LENGTH = 1_000;

export interface RequestShape {
  method: string;
  pathname: string;
  search: string;
  headers: { has(name: string): boolean; get(name: string): string | null };
}

export function isCacheablePageRequest(req: RequestShape): boolean {
  if (req.method !== 'GET') return false;
  if (req.pathname.startsWith('/api/') || req.pathname.startsWith('/_next/')) return false;
  const last = req.pathname.slice(req.pathname.lastIndexOf('/') + 1);
  if (last.includes('.')) return false;
  if (req.pathname.length + req.search.length > MAX_KEY_LENGTH) return false;
  if (/[?&]_rsc=/.test(req.search)) return false;
  if (ROUTER_HEADERS.some((h) => req.headers.has(h))) return false;
  return !BOT_LIKE.test(req.headers.get('user-agent') ?? '');
}
