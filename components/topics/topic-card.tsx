import Link from 'next/link';
import type { TopicSummary } from '@/db/queries/topics';

/** A topic: its name, one line about it, and how much the library has on it. */
export function TopicCard({ topic }: { topic: TopicSummary }) {
  return (
    <article className="group relative flex flex-col rounded-xl border border-zinc-200 p-4 transition-colors hover:border-indigo-300 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:border-indigo-700 dark:hover:bg-zinc-900/60">
      <h3 className="font-semibold">
        <Link href={`/topics/${topic.slug}`} className="after:absolute after:inset-0 after:rounded-xl group-hover:text-indigo-800 dark:group-hover:text-indigo-200">
          {topic.name}
        </Link>
      </h3>
      <p className="mt-1 line-clamp-2 flex-1 text-sm text-zinc-700 dark:text-zinc-300">{topic.description}</p>
      <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
        {topic.documentCount} {topic.documentCount === 1 ? 'document' : 'documents'} · {topic.chapterCount} {topic.chapterCount === 1 ? 'chapter' : 'chapters'}
      </p>
    </article>
  );
}
