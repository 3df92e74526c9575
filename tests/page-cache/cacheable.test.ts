import { describe, expect, it } from 'vitest';
import { isCacheablePageRequest } from '@/lib/page-cache/cacheable';

const req = (url: string, opts: { method?: string; headers?: Record<string, string> } = {}) => {
  const u = new URL(url, 'http://127.0.0.1');
  return { method: opts.method ?? 'GET', pathname: u.pathname, search: u.search, headers: new Headers(opts.headers) };
};
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

describe('which requests the page cache answers', () => {
  it.each(['/', '/episodes', '/episodes/some-slug', '/episodes/some-slug?t=4135', '/topics/pips', '/guests/stefan-mai', '/search?q=promo'])('a browser asking for %s', (url) => {
    expect(isCacheablePageRequest(req(url, { headers: { 'user-agent': CHROME } }))).toBe(true);
  });

  it.each([
    ['a client navigation (RSC payload)', req('/episodes/x', { headers: { rsc: '1' } })],
    ['a prefetch', req('/episodes/x', { headers: { 'next-router-prefetch': '1' } })],
    ['an RSC request marked in the query', req('/episodes/x?_rsc=abc')],
    ['a server action', req('/episodes/x', { method: 'POST', headers: { 'next-action': 'abc' } })],
    ['a HEAD request', req('/episodes/x', { method: 'HEAD' })],
    ['a file', req('/robots.txt')],
    ['the sitemap', req('/sitemap.xml')],
    ['the API', req('/api/search?q=x')],
    ['a very long address', req(`/search?q=${'a'.repeat(1_200)}`)],
    ['Googlebot', req('/episodes/x', { headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' } })],
    ['a link preview', req('/episodes/x', { headers: { 'user-agent': 'facebookexternalhit/1.1' } })],
    ['Slack', req('/episodes/x', { headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0' } })],
  ])('not %s', (_name, r) => {
    expect(isCacheablePageRequest(r)).toBe(false);
  });
});
