import type { MetadataRoute } from 'next';
import { siteUrl } from '@/lib/episode/urls';

// no database access here: the e2e server's readiness probe uses this route before the test database exists
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/search'] },
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
