import type { NextConfig } from 'next';
import { ASSET_CSP, ASSET_PATHS, STATIC_SECURITY_HEADERS } from './lib/security/csp';

const nextConfig: NextConfig = {
  // native module and the index library stay plain Node requires on the server
  serverExternalPackages: ['better-sqlite3', 'flexsearch'],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] },
      // pages and API get a nonce CSP from proxy.ts; what it skips gets a fixed, stricter one
      ...ASSET_PATHS.map((source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: ASSET_CSP }] })),
    ];
  },
};

export default nextConfig;
