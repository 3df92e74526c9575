const KIND_STYLES: Record<string, string> = {
  episode: 'bg-indigo-50 text-indigo-800 ring-indigo-200 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800',
  brief: 'bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800',
  article: 'bg-emerald-50 text-emerald-900 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800',
  note: 'bg-zinc-100 text-zinc-800 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-700',
};

export const KIND_LABEL: Record<string, string> = { episode: 'Episode', brief: 'Insight brief', article: 'Article', note: 'Note' };

/** The kind of a document, so a brief is never mistaken for an interview. */
export function KindBadge({ kind }: { kind: string }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${KIND_STYLES[kind] ?? KIND_STYLES.note}`}>
      {KIND_LABEL[kind] ?? kind}
    </span>
  );
}
