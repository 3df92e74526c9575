import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './lib/security/csp';

const nextConfig: NextConfig = {
  // native module and the index library stay plain Node requires on the server
  serverExternalPackages: ['better-sqlite3', 'flexsearch'],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
