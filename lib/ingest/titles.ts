/**
 * A readable title for a document whose source has none: the show, the episode
 * number and the guests ("Founders Talk #52: Pia Mancini"), never raw Markdown
 * or a first sentence cut mid-word.
 */
export function composeTitle(parts: { show: string | null; episodeNumber: number | null; guests: readonly string[]; fallback: string }): string {
  const head = parts.show ? (parts.episodeNumber !== null ? `${parts.show} #${parts.episodeNumber}` : parts.show) : null;
  const names = parts.guests.length > 3 ? `${parts.guests.slice(0, 2).join(', ')} and ${parts.guests.length - 2} others` : joinNames(parts.guests);
  if (head && names) return `${head}: ${names}`;
  if (head) return head;
  if (names && parts.episodeNumber !== null) return `#${parts.episodeNumber}: ${names}`;
  return names || parts.fallback;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} & ${names[names.length - 1]}`;
}
