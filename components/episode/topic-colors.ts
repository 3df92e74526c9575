/**
 * One colour per topic, stable across pages (by the topic's place in the
 * taxonomy). Classes are spelled out whole so Tailwind finds them.
 */
const PALETTE = [
  'bg-indigo-500 dark:bg-indigo-400',
  'bg-rose-500 dark:bg-rose-400',
  'bg-amber-500 dark:bg-amber-400',
  'bg-emerald-600 dark:bg-emerald-400',
  'bg-sky-500 dark:bg-sky-400',
  'bg-fuchsia-500 dark:bg-fuchsia-400',
  'bg-lime-600 dark:bg-lime-400',
  'bg-orange-600 dark:bg-orange-400',
  'bg-teal-600 dark:bg-teal-400',
  'bg-violet-600 dark:bg-violet-400',
];

export function topicColor(slug: string, order: readonly string[]): string {
  const i = order.indexOf(slug);
  const idx = i >= 0 ? i : [...slug].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
  return PALETTE[idx % PALETTE.length]!;
}

export const SPEAKER_COLORS = ['bg-indigo-600 dark:bg-indigo-400', 'bg-amber-500 dark:bg-amber-400', 'bg-emerald-600 dark:bg-emerald-400', 'bg-rose-500 dark:bg-rose-400', 'bg-sky-500 dark:bg-sky-400'];
export const UNATTRIBUTED_COLOR = 'bg-zinc-400 dark:bg-zinc-500';
