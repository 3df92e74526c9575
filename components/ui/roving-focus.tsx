'use client';

import { useEffect, useRef } from 'react';

const CELLS = 'a[href], button:not([disabled])';

/**
 * One tab stop for a long run of links (the chapter list, the topic
 * timeline): Tab enters and leaves the group, the arrow keys move inside it
 * (up and down between rows, left and right along a row, Home and End). The
 * cell last focused, else the current one (aria-current), else the first, is
 * the group's tab stop. Without JavaScript every link stays in the tab order.
 */
export function RovingFocus({ rows, children, className }: { rows: string; children: React.ReactNode; className?: string }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const grid = () => [...el.querySelectorAll<HTMLElement>(rows)].map((row) => [...row.querySelectorAll<HTMLElement>(CELLS)]).filter((r) => r.length > 0);
    const cells = () => grid().flat();
    const makeStop = (cell: HTMLElement) => {
      for (const c of cells()) c.tabIndex = c === cell ? 0 : -1;
    };
    const all = cells();
    const start = all.find((c) => c.getAttribute('aria-current')) ?? all[0];
    if (start) makeStop(start);

    function onFocus(e: FocusEvent) {
      if (e.target instanceof HTMLElement && e.target.matches(CELLS)) makeStop(e.target);
    }
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey || !(e.target instanceof HTMLElement)) return;
      const g = grid();
      const r = g.findIndex((row) => row.includes(e.target as HTMLElement));
      if (r === -1) return;
      const c = g[r]!.indexOf(e.target);
      const at = (row: number, col: number) => g[row]?.[Math.min(col, g[row]!.length - 1)];
      const next =
        e.key === 'ArrowDown' ? at(r + 1, c) : e.key === 'ArrowUp' ? at(r - 1, c) : e.key === 'ArrowRight' ? g[r]![c + 1] : e.key === 'ArrowLeft' ? g[r]![c - 1] : e.key === 'Home' ? at(0, 0) : e.key === 'End' ? at(g.length - 1, 0) : undefined;
      if (!next) return;
      e.preventDefault();
      makeStop(next);
      next.focus();
    }
    el.addEventListener('focusin', onFocus);
    el.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('focusin', onFocus);
      el.removeEventListener('keydown', onKey);
    };
  }, [rows]);

  return (
    <div ref={box} className={className}>
      {children}
    </div>
  );
}
