/** The fields of a topic the topics list filters and sorts on. */
export interface ListedTopic {
  name: string;
  description: string;
  quoteCount: number;
  latestOn: string | null;
}

/** most quotes first; quoted most recently first; by name */
export const TOPIC_SORTS = ['quotes', 'newest', 'name'] as const;
export type TopicSort = (typeof TOPIC_SORTS)[number];

/** Topics whose name or description has every word of `text`, in `sort` order (the taxonomy is small: filtered here, not in SQL). */
export function filterTopics<T extends ListedTopic>(topics: readonly T[], { text, sort = 'quotes' }: { text?: string; sort?: TopicSort }): T[] {
  const words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const hits = topics.filter((t) => words.every((w) => `${t.name} ${t.description}`.toLowerCase().includes(w)));
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
  if (sort === 'name') return hits.sort(byName);
  if (sort === 'newest') return hits.sort((a, b) => (b.latestOn ?? '').localeCompare(a.latestOn ?? '') || b.quoteCount - a.quoteCount || byName(a, b));
  return hits.sort((a, b) => b.quoteCount - a.quoteCount || byName(a, b));
}
