import Link from 'next/link';
import type { MatrixCell, StepView } from '@/db/queries/moments';

/**
 * Promotion stories by the step they went from (rows) and to (columns), each
 * count a link that opens the stories of that cell below. Steps are the level
 * map's, so "E5 → E6 at Meta" and "senior → staff at Google" share a cell.
 */
export function PromotionMatrix({
  steps,
  cells,
  current,
  selected,
}: {
  steps: StepView[];
  cells: MatrixCell[];
  current: Record<string, string | undefined>;
  selected: { from?: string; to?: string };
}) {
  const count = new Map(cells.map((c) => [`${c.from}>${c.to}`, c.count]));
  const toSteps = steps.filter((s) => cells.some((c) => c.to === s.step));
  const fromSteps = steps.filter((s) => cells.some((c) => c.from === s.step));
  const cellHref = (from: string, to: string) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(current)) if (v && k !== 'from' && k !== 'to') params.set(k, v);
    params.set('from', from);
    params.set('to', to);
    return `/promotions?${params}#stories`;
  };
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
      <table className="w-full min-w-max border-collapse text-sm">
        <caption className="sr-only">Promotion stories: rows are the level promoted from, columns the level promoted to</caption>
        <thead>
          <tr>
            <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
              From ↓ &nbsp;To →
            </th>
            {toSteps.map((s) => (
              <th key={s.step} scope="col" className="px-3 py-2 text-left font-semibold">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {fromSteps.map((from) => (
            <tr key={from.step} className="border-t border-zinc-200 dark:border-zinc-800">
              <th scope="row" className="px-3 py-2 text-left font-semibold">
                {from.name}
              </th>
              {toSteps.map((to) => {
                const n = count.get(`${from.step}>${to.step}`) ?? 0;
                const active = selected.from === from.step && selected.to === to.step;
                return (
                  <td key={to.step} className="px-3 py-2">
                    {n > 0 ? (
                      <Link
                        href={cellHref(from.step, to.step)}
                        scroll={false}
                        aria-current={active ? 'true' : undefined}
                        aria-label={`${n} ${n === 1 ? 'story' : 'stories'}: ${from.name} to ${to.name}`}
                        className={`inline-flex min-w-9 justify-center rounded-md px-2 py-1 font-semibold tabular-nums ring-1 ring-inset ${
                          active
                            ? 'bg-indigo-700 text-white ring-indigo-700 dark:bg-indigo-400 dark:text-zinc-950'
                            : 'bg-indigo-50 text-indigo-800 ring-indigo-200 hover:bg-indigo-100 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800'
                        }`}
                      >
                        {n}
                      </Link>
                    ) : (
                      <span aria-hidden="true" className="text-zinc-400 dark:text-zinc-600">
                        ·
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
