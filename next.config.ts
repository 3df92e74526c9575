import type { NextConfig } from 'next';
import { FIXED_CSP, FIXED_CSP_PATHS, STATIC_SECURITY_HEADERS } from './lib/security/csp';

const nextConfig: NextConfig = {
  // native module and the index library stay plain Node requires on the server
  serverExternalPackages: ['better-sqlite3', 'flexsearch'],
  poweredByHeader: false,
  // a second build folder lets a load test or CI build run beside a server that is using .next
  distDir: process.env.LADDER_DIST_DIR || '.next',
  reactStrictMode: true,
  // By default Next hides the router's request headers (RSC, prefetch) and the _rsc query from
  // proxy.ts; the page cache must see them, or a client navigation would be answered with HTML
  skipProxyUrlNormalize: true,
  async headers() {
    return [
      { source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] },
      // pages get a nonce CSP from proxy.ts; what it skips gets a fixed, stricter one
      ...FIXED_CSP_PATHS.map((source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: FIXED_CSP }] })),
    ];
  },
};

export default nextConfig;
