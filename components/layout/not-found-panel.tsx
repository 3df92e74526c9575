import Link from 'next/link';
import { SearchField } from '@/components/search/search-field';

/** The body of every 404: say what is missing and offer the ways on. */
export function NotFoundPanel({ title, what }: { title: string; what: string }) {
  return (
    <section className="mx-auto max-w-xl py-10 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">{what} The link may be old, or the document may have been removed from the library.</p>
      <div className="mt-6 text-left">
        <SearchField id="not-found-search" size="hero" />
      </div>
      <p className="mt-6 flex flex-wrap justify-center gap-x-5 gap-y-2 text-sm font-medium">
        <Link href="/" className="text-indigo-700 hover:underline dark:text-indigo-300">Home</Link>
        <Link href="/episodes" className="text-indigo-700 hover:underline dark:text-indigo-300">All documents</Link>
        <Link href="/topics" className="text-indigo-700 hover:underline dark:text-indigo-300">Topics</Link>
        <Link href="/guests" className="text-indigo-700 hover:underline dark:text-indigo-300">Guests</Link>
      </p>
    </section>
  );
}
