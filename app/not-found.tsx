import type { Metadata } from 'next';
import { NotFoundPanel } from '@/components/layout/not-found-panel';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return <NotFoundPanel title="Page not found" what="Nothing lives at this address." />;
}
