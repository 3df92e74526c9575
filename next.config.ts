import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // native module and the index library stay plain Node requires on the server
  serverExternalPackages: ['better-sqlite3', 'flexsearch'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
