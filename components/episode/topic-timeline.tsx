import Link from 'next/link';
import type { DocumentDetail } from '@/db/queries/documents';
import { formatTimestamp } from '@/lib/text/time';
import { timeLabel } from '@/lib/episode/time';
import { topicTimeline } from '@/lib/episode/timeline';
import { momentPath } from '@/lib/episode/urls';
import { RovingFocus } from '@/components/ui/roving-focus';
import { topicColor } from './topic-colors';

/** The chapter ticks as one background drawn on every row, rather than an element per tick per row. */
function tickGradient(lefts: readonly number[]): string {
  const stops = lefts.flatMap((l) => [`transparent ${l}%`, `var(--tick) ${l}%`, `var(--tick) calc(${l}% + 1px)`, `transparent calc(${l}% + 1px)`]);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/**
 * Where each topic comes up along the episode: one row per topic, a mark per
 * stretch of talk about it, each mark a link to its moment. Chapter starts are
 * faint ticks (one background for all rows) so the picture lines up with the chapter list. The marks can
 * run to hundreds on a long episode: the whole figure is one tab stop, and the
 * arrow keys move along a row and between rows.
 */
export function TopicTimeline({ doc, topicNames }: { doc: DocumentDetail; topicNames: Map<string, string> }) {
  const rows = topicTimeline(doc.segments, doc.durationSeconds);
  if (rows.length === 0) return null;
  const timed = doc.segments.every((s) => s.startSeconds !== null);
  const total = timed ? Math.max(doc.durationSeconds ?? 0, ...doc.segments.map((s) => (s.startSeconds ?? 0) + 1)) : null;
  const order = [...topicNames.keys()];
  const ticks = total ? doc.chapters.filter((c) => c.startSeconds !== null && c.startSeconds > 0).map((c) => ({ id: c.id, left: Math.round((c.startSeconds! / total) * 10_000) / 100 })) : [];
  return (
    <figure className="min-w-0">
      <figcaption className="mb-3 text-sm font-semibold text-zinc-800 dark:text-zinc-200">
        Where topics come up <span className="font-normal text-zinc-600 dark:text-zinc-400">{timed ? 'along the episode' : 'through the text'}</span>
      </figcaption>
      <RovingFocus rows="li">
        <ul className="tl-rows space-y-1.5" style={ticks.length > 0 ? ({ '--ticks': tickGradient(ticks.map((t) => t.left)) } as React.CSSProperties) : undefined}>
          {rows.map((row) => {
            const name = topicNames.get(row.topic) ?? row.topic;
            return (
              <li key={row.topic} className="grid grid-cols-[6.5rem_minmax(0,1fr)] items-center gap-3 sm:grid-cols-[9rem_minmax(0,1fr)]">
                <Link href={`/topics/${row.topic}`} className="truncate text-xs font-medium text-zinc-700 hover:text-indigo-700 hover:underline dark:text-zinc-300 dark:hover:text-indigo-300" title={name}>
                  {name}
                </Link>
                <div className="tl-bar relative h-5 rounded bg-zinc-100 dark:bg-zinc-800/80">
                  {row.marks.map((m) => {
                    const at = m.startSeconds !== null ? timeLabel(m.startSeconds, m.estimated) : `paragraph ${m.ordinal + 1}`;
                    const label = `${name} at ${at}${m.count > 1 ? ` (${m.count} passages)` : ''}`;
                    return (
                      <a
                        key={m.ordinal}
                        href={momentPath(doc.slug, m)}
                        data-moment=""
                        aria-label={label}
                        title={label}
                        className={`tl-mark ${topicColor(row.topic, order)}`}
                        style={{ left: `${m.left}%`, width: `${m.width}%` }}
                      />
                    );
                  })}
                </div>
              </li>
            );
          })}
        </ul>
      </RovingFocus>
      {total && (
        <div aria-hidden="true" className="mt-1 grid grid-cols-[6.5rem_minmax(0,1fr)] gap-3 text-[0.7rem] text-zinc-600 sm:grid-cols-[9rem_minmax(0,1fr)] dark:text-zinc-400">
          <span />
          <span className="flex justify-between tabular-nums">
            <span>0:00</span>
            <span>{formatTimestamp(total / 2)}</span>
            <span>{formatTimestamp(total)}</span>
          </span>
        </div>
      )}
    </figure>
  );
}
