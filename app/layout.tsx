import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { CopyLinkHandler } from '@/components/ui/copy-link-handler';
import { siteUrl } from '@/lib/episode/urls';
import './globals.css';

const description =
  'Search software engineers’ career stories — promotions, PIPs, reviews, leaving big tech — and jump to the second someone says it.';

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: 'Ladder — engineers’ career stories, searchable to the second', template: '%s · Ladder' },
  description,
  applicationName: 'Ladder',
  openGraph: { type: 'website', siteName: 'Ladder', title: 'Ladder', description, locale: 'en' },
  twitter: { card: 'summary' },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page reads SQLite at request time, and the CSP nonce is per request: nothing is prerendered.
  await connection();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans">
        {/* copy buttons need JavaScript (without it the time links are the permalinks); an unfetched part is only its link */}
        <noscript>
          <style>{'[data-copy-link]{display:none!important}.part-placeholder{min-height:0!important}'}</style>
        </noscript>
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-indigo-700 px-3 py-2 text-white focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none sm:py-10">
          {children}
        </main>
        <SiteFooter />
        <CopyLinkHandler />
      </body>
    </html>
  );
}
