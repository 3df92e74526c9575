import { YOUTUBE_EMBED_ORIGIN } from '../episode/media';

/**
 * The Content-Security-Policy for a page response. Scripts run only with this
 * request's nonce (Next.js puts it on its own scripts), so an injected
 * `<script>` or inline handler from transcript text cannot run even if it ever
 * reached the HTML. Styles may be inline: Next and Tailwind emit style attributes.
 *
 * The episode player needs two more things, and only these. The YouTube
 * embed: a frame from the privacy-enhanced host; its IFrame API script is
 * added by the page's own (nonced) script, which 'strict-dynamic' trusts, so
 * script-src names no host. And audio or video files, which podcasts serve
 * from their own hosts: media from any https origin (media cannot run script).
 */
export function buildCsp(nonce: string, opts: { dev?: boolean } = {}): string {
  const script = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, ...(opts.dev ? [`'unsafe-eval'`] : [])];
  return [
    `default-src 'self'`,
    `script-src ${script.join(' ')}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data:`,
    `font-src 'self'`,
    `connect-src 'self'${opts.dev ? ' ws:' : ''}`,
    `media-src 'self' https:`,
    `frame-src ${YOUTUBE_EMBED_ORIGIN}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/** Headers every response carries, pages, API and static files alike. */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/**
 * The policy for responses the proxy does not see: build assets, the favicon and
 * the JSON API. None of them is a page that runs script, so nothing is allowed
 * and no nonce is needed; the assets stay cacheable, and the API is spared the
 * proxy's per-request cost (it measured as most of a search request's time under
 * load). It matters when an SVG, HTML or JSON response is opened directly.
 */
export const FIXED_CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

/** next.config.ts paths that proxy.ts's matcher skips (tests keep the two in step). */
export const FIXED_CSP_PATHS = ['/_next/static/:path*', '/_next/image', '/favicon.ico', '/api/:path*'];
