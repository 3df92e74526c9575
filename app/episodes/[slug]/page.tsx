import { notFound } from 'next/navigation';
import { getDocumentBySlug } from '@/db/queries/documents';
import { formatTimestamp } from '@/lib/ingest/time';

export const dynamic = 'force-dynamic';

export default async function EpisodePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const doc = getDocumentBySlug({ slug });
  if (!doc) notFound();
  return (
    <article>
      <h1 className="mb-4 text-2xl font-semibold">{doc.title}</h1>
      <nav aria-label="Chapters">
        <ol className="mb-8 space-y-1">
          {doc.chapters.map((c) => (
            <li key={c.id}>
              <a href={`#${c.anchor}`}>
                {c.startSeconds !== null && <span className="mr-2 tabular-nums">{formatTimestamp(c.startSeconds)}</span>}
                {c.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="space-y-4">
        {doc.segments.map((s) => (
          <p key={s.id}>
            {s.speaker && <strong className="mr-2">{s.speaker}</strong>}
            {s.text}
          </p>
        ))}
      </div>
    </article>
  );
}
