import Link from 'next/link';
import type { DocumentDetail } from '@/db/queries/documents';
import { talkTimeShares } from '@/lib/episode/talk-time';
import { durationLabel } from '@/lib/episode/time';
import { SPEAKER_COLORS, UNATTRIBUTED_COLOR } from './topic-colors';

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Each speaker's share of the talking, as one stacked bar and a legend that says the numbers. */
export function TalkTime({ doc }: { doc: DocumentDetail }) {
  if (doc.segments.length === 0) return null;
  const talk = talkTimeShares(doc.segments, doc.durationSeconds);
  if (!talk.attributed) {
    return (
      <div>
        <h3 className="mb-2 text-sm font-semibold text-zinc-800 dark:text-zinc-200">Who talks</h3>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">This {doc.kind === 'episode' ? 'transcript' : 'text'} does not name its speakers.</p>
      </div>
    );
  }
  const colored = talk.shares.map((s, i) => ({ ...s, color: s.name === null ? UNATTRIBUTED_COLOR : SPEAKER_COLORS[i % SPEAKER_COLORS.length]! }));
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-zinc-800 dark:text-zinc-200">
        Who talks <span className="font-normal text-zinc-600 dark:text-zinc-400">{talk.measure === 'seconds' ? 'share of talk time' : 'share of words'}</span>
      </h3>
      <div aria-hidden="true" className="flex h-3 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
        {colored.map((s) => (
          <span key={s.slug ?? s.name ?? 'none'} className={s.color} style={{ width: `${s.share * 100}%` }} />
        ))}
      </div>
      <ul className="mt-2 space-y-1 text-sm">
        {colored.map((s) => (
          <li key={s.slug ?? s.name ?? 'none'} className="flex items-center gap-2">
            <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${s.color}`} />
            <span className="min-w-0 flex-1 truncate">
              {s.slug ? (
                <Link href={`/guests/${s.slug}`} className="hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
                  {s.name}
                </Link>
              ) : (
                (s.name ?? 'Unattributed')
              )}
            </span>
            <span className="tabular-nums text-zinc-700 dark:text-zinc-300">
              {pct(s.share)}
              {talk.measure === 'seconds' && <span className="text-zinc-600 dark:text-zinc-400"> · {durationLabel(s.amount)}</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
