import Link from 'next/link';
import { listDocuments } from '@/db/queries/documents';

export const dynamic = 'force-dynamic';

export default function HomePage() {
  const docs = listDocuments();
  return (
    <section>
      <h1 className="mb-6 text-2xl font-semibold">Career stories</h1>
      {docs.length === 0 ? (
        <p>
          No documents yet. Import some with <code>npm run import -- content/</code>.
        </p>
      ) : (
        <ul className="space-y-2">
          {docs.map((d) => (
            <li key={d.slug}>
              <Link className="underline" href={`/episodes/${d.slug}`}>
                {d.title}
              </Link>{' '}
              <span className="text-sm text-zinc-500">
                {d.kind} · {d.showName ?? ''} {d.publishedOn ?? ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
