import type { MetadataRoute } from 'next';
import { listDocuments } from '@/db/queries/documents';
import { listPeople } from '@/db/queries/people';
import { listTopics } from '@/db/queries/topics';
import { episodePath, siteUrl } from '@/lib/episode/urls';

// read at request time: the library changes with every import, not with every build
export const dynamic = 'force-dynamic';

export default function sitemap(): MetadataRoute.Sitemap {
  const base = siteUrl();
  const pages: MetadataRoute.Sitemap = ['/', '/episodes', '/topics', '/guests'].map((p) => ({ url: `${base}${p}`, changeFrequency: 'daily', priority: p === '/' ? 1 : 0.8 }));
  const docs = listDocuments().map((d) => ({
    url: `${base}${episodePath(d.slug)}`,
    ...(d.publishedOn ? { lastModified: d.publishedOn } : {}),
    changeFrequency: 'monthly' as const,
    priority: 0.7,
  }));
  const topics = listTopics().map((t) => ({ url: `${base}/topics/${t.slug}`, changeFrequency: 'weekly' as const, priority: 0.6 }));
  const people = listPeople().map((p) => ({ url: `${base}/guests/${p.slug}`, changeFrequency: 'monthly' as const, priority: 0.5 }));
  return [...pages, ...docs, ...topics, ...people];
}
