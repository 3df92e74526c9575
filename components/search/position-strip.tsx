import Link from 'next/link';
import { formatTimestamp } from '@/lib/text/time';
import { episodePath } from '@/lib/episode/urls';

/** Where in the episode a document's matches fall: one tick per match, each a link to its second. */
export function PositionStrip({ slug, title, positions, durationSeconds }: { slug: string; title: string; positions: readonly number[]; durationSeconds: number | null }) {
  if (positions.length === 0) return null;
  const total = Math.max(durationSeconds ?? 0, ...positions.map((p) => p + 1));
  const unique = [...new Set(positions.map((p) => Math.floor(p)))].sort((a, b) => a - b);
  return (
    <div className="mt-2">
      <div className="relative h-3 rounded-full bg-zinc-100 dark:bg-zinc-800" role="list" aria-label={`Where the matches fall in ${title}`}>
        {unique.map((p) => (
          <span role="listitem" key={p}>
            <Link
              href={`${episodePath(slug)}?t=${p}`}
              prefetch={false}
              aria-label={`Match at ${formatTimestamp(p)}`}
              title={formatTimestamp(p)}
              className="absolute inset-y-0 w-1.5 -translate-x-1/2 rounded-full bg-amber-500 hover:bg-amber-600 dark:bg-amber-400"
              style={{ left: `${(p / total) * 100}%` }}
            />
          </span>
        ))}
      </div>
      <div aria-hidden="true" className="mt-0.5 flex justify-between text-[0.7rem] tabular-nums text-zinc-600 dark:text-zinc-400">
        <span>0:00</span>
        <span>{formatTimestamp(total)}</span>
      </div>
    </div>
  );
}
