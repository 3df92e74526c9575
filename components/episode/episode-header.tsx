import Link from 'next/link';
import { KindBadge } from '@/components/ui/badge';
import { TextBlock } from '@/components/ui/text-block';
import type { DocumentDetail } from '@/db/queries/documents';
import { dateLabel, durationLabel } from '@/lib/episode/time';

function Person({ p }: { p: DocumentDetail['people'][number] }) {
  const facts = [p.biggestRole, p.currentCompany ? `now at ${p.currentCompany}` : null].filter(Boolean).join(' · ');
  return (
    <li>
      <span className="text-zinc-600 dark:text-zinc-400">{p.role === 'guest' ? 'Guest' : 'Host'}: </span>
      <Link href={`/guests/${p.slug}`} className="font-medium text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-2 dark:text-indigo-300 dark:decoration-indigo-700">
        {p.name}
      </Link>
      {facts && <span className="text-zinc-600 dark:text-zinc-400"> — {facts}</span>}
    </li>
  );
}

/** Title, show, date, length and people of a document; its description; the AI summary folded away. */
export function EpisodeHeader({ doc }: { doc: DocumentDetail }) {
  // briefs and articles often carry their first paragraph as the description: say it once
  const lead = doc.description?.replace(/\s+/g, ' ').trim().slice(0, 80) ?? '';
  const showDescription = !!doc.description && !doc.segments[0]?.text.replace(/\s+/g, ' ').startsWith(lead);
  const meta = [
    doc.publishedOn ? <time key="d" dateTime={doc.publishedOn}>{dateLabel(doc.publishedOn)}</time> : null,
    doc.durationSeconds ? <span key="l">{durationLabel(doc.durationSeconds)}</span> : null,
    doc.chapters.length > 0 ? <span key="c">{doc.chapters.length} chapters</span> : null,
  ].filter(Boolean);
  return (
    <header className="mb-8 max-w-[72ch]">
      <div className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
        <KindBadge kind={doc.kind} />
        {doc.show && (
          <Link href={`/episodes?show=${doc.show.slug}`} className="font-medium hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
            {doc.show.name}
          </Link>
        )}
        {meta.map((m, i) => (
          <span key={i} className="flex items-center gap-3">
            <span aria-hidden="true">·</span>
            {m}
          </span>
        ))}
      </div>
      <h1 className="text-balance text-3xl font-semibold leading-tight tracking-tight sm:text-4xl">{doc.title}</h1>
      {doc.people.length > 0 && <ul className="mt-4 space-y-1 text-[0.95rem]">{doc.people.map((p) => <Person key={`${p.role}-${p.slug}`} p={p} />)}</ul>}
      {showDescription && doc.description && (
        <div className="mt-4 space-y-3 text-[1.0625rem] leading-relaxed text-zinc-700 dark:text-zinc-300">
          <TextBlock text={doc.description} />
        </div>
      )}
      {doc.mediaUrl && /^https?:\/\//i.test(doc.mediaUrl) && (
        <p className="mt-4">
          <a href={doc.mediaUrl} target="_blank" rel="noopener noreferrer" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Watch or listen to the original<span className="sr-only"> (opens a new tab)</span> ↗
          </a>
        </p>
      )}
      {doc.summary && (
        <details className="group mt-5 rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60">
          <summary className="cursor-pointer select-none rounded-lg px-4 py-2.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800">
            AI-generated summary <span className="font-normal text-zinc-600 dark:text-zinc-400">(may contain mistakes; the transcript is the source)</span>
          </summary>
          <div className="space-y-3 px-4 pb-4 pt-1 leading-relaxed text-zinc-800 dark:text-zinc-200">
            <TextBlock text={doc.summary} />
          </div>
        </details>
      )}
    </header>
  );
}
