import type { ReactNode } from 'react';

/**
 * Filters beside the results on wide screens; folded into a disclosure on
 * narrow ones, so the results are not pushed below a screen of links. The
 * hidden copy is display:none, so neither copy is read twice. `render` gets an
 * id prefix to keep the two copies' ids apart.
 */
export function FilterPanel({ activeCount, render }: { activeCount: number; render: (idPrefix: string) => ReactNode }) {
  return (
    <aside aria-label="Filters" className="min-w-0">
      <details className="rounded-xl border border-zinc-200 lg:hidden dark:border-zinc-800">
        <summary className="cursor-pointer select-none rounded-xl px-4 py-2.5 text-sm font-medium">
          Filters{activeCount > 0 ? ` (${activeCount} on)` : ''}
        </summary>
        <div className="space-y-5 px-4 pb-4">{render('m-')}</div>
      </details>
      <div className="hidden space-y-5 lg:block">{render('')}</div>
    </aside>
  );
}
