import Link from 'next/link';
import { Section } from '@/components/ui/page-heading';
import { getCareerTimeline, type MomentView } from '@/db/queries/moments';
import { timeLabel } from '@/lib/episode/time';
import { momentMark, momentTitle, momentWhen } from './describe';

function years(start: number | null, end: number | null, now: boolean): string {
  if (start === null && end === null) return now ? 'now' : 'years not said';
  return `${start ?? '?'} – ${end ?? (now ? 'now' : '?')}`;
}

function Mark({ m }: { m: MomentView }) {
  const when = [momentWhen(m).join(', '), m.seconds !== null ? `at ${timeLabel(m.seconds, m.estimated)}` : null].filter(Boolean).join(', ');
  return (
    <li>
      <Link
        href={m.url}
        prefetch={false}
        title={`${momentTitle(m)}${when ? ` (${when})` : ''}: “${m.quote}”`}
        className="inline-flex items-center rounded-full bg-white px-2 py-0.5 text-xs font-semibold text-indigo-800 ring-1 ring-inset ring-indigo-300 hover:bg-indigo-100 dark:bg-zinc-900 dark:text-indigo-200 dark:ring-indigo-700"
      >
        <span aria-hidden="true">{momentMark(m)}</span>
        <span className="sr-only">
          {momentTitle(m)}
          {when ? `, ${when}` : ''}
        </span>
      </Link>
    </li>
  );
}

/**
 * A guest's career as companies over the years, each band holding the moments
 * told of it as marks that open at their second, with the front-matter facts
 * placed on it. Bands are as wide as the years said, or a fixed share when none were.
 */
export async function CareerTimeline({ slug }: { slug: string }) {
  const timeline = getCareerTimeline({ slug });
  if (!timeline) return null;
  const { bands, elsewhere, careerStart, from, to } = timeline;
  return (
    <Section id="career" title="Career timeline">
      <p className="-mt-2 mb-4 max-w-[68ch] text-sm text-zinc-600 dark:text-zinc-400">
        Companies in the order of the years said, else the order the story tells them; each mark opens the moment at its second.
        {from !== null && to !== null ? ` ${from} to ${to}.` : ''}
      </p>
      {/* a row of bands over the years on wide screens; a column, in the same order, on narrow ones */}
      <div className="flex flex-col items-stretch gap-2 sm:flex-row">
        {careerStart !== null && (
          <div className="flex shrink-0 flex-row justify-between gap-2 rounded-lg border border-dashed border-zinc-300 px-3 py-2 text-xs text-zinc-700 sm:flex-col sm:justify-center dark:border-zinc-700 dark:text-zinc-300">
            <span className="font-semibold">Career start</span>
            <span className="tabular-nums">{careerStart}</span>
          </div>
        )}
        <ol aria-label="Companies, in order" className="flex min-w-0 flex-1 flex-col items-stretch gap-2 sm:flex-row">
          {bands.map((b) => (
            <li
              key={b.company}
              data-company={b.company}
              style={{ flexGrow: b.start !== null && b.end !== null ? Math.max(1, b.end - b.start) : 2 }}
              className={`min-w-0 rounded-lg border px-3 py-2 sm:basis-0 ${b.now ? 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950' : 'border-indigo-200 bg-indigo-50 dark:border-indigo-800 dark:bg-indigo-950'}`}
            >
              <p className="font-semibold">{b.company}</p>
              <p className="text-xs tabular-nums text-zinc-700 dark:text-zinc-300">{years(b.start, b.end, b.now)}</p>
              {b.facts.map((f) => (
                <p key={f} className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">
                  {f}
                </p>
              ))}
              {b.marks.length > 0 && (
                <ul aria-label={`Moments at ${b.company}`} className="mt-2 flex flex-wrap gap-1">
                  {b.marks.map((m, i) => (
                    <Mark key={`${m.document.slug}-${m.ordinal ?? 'x'}-${i}`} m={m} />
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </div>
      {elsewhere.length > 0 && (
        <div className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
          <span className="mr-2">At a company not named:</span>
          <ul aria-label="Moments at a company not named" className="inline-flex flex-wrap gap-1 align-middle">
            {elsewhere.map((m, i) => (
              <Mark key={`${m.document.slug}-${m.ordinal ?? 'x'}-${i}`} m={m} />
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}
