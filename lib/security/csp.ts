/**
 * The Content-Security-Policy for a page response. Scripts run only with this
 * request's nonce (Next.js puts it on its own scripts), so an injected
 * `<script>` or inline handler from transcript text cannot run even if it ever
 * reached the HTML. Styles may be inline: Next and Tailwind emit style attributes.
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
    `media-src 'self'`,
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
 * The policy for files the proxy does not see (build assets, favicon): they
 * never need to run inline script, so nothing is allowed and no nonce is needed,
 * which keeps them cacheable. It matters for an SVG or HTML opened directly.
 */
export const ASSET_CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

/** next.config.ts paths that the proxy's matcher skips (keep in step with proxy.ts). */
export const ASSET_PATHS = ['/_next/static/:path*', '/_next/image', '/favicon.ico'];
