/** URL slug from any title or name: lowercase ascii words joined by dashes. */
export function slugify(input: string, maxLength = 60): string {
  const base = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // cut at a word boundary so a long title does not end in half a word
  let cut = base;
  if (base.length > maxLength) {
    const head = base.slice(0, maxLength + 1);
    const at = head.lastIndexOf('-');
    cut = (at > maxLength / 2 ? head.slice(0, at) : head.slice(0, maxLength)).replace(/-+$/g, '');
  }
  return cut || 'untitled';
}

/** First free slug among base, base-2, base-3, … */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}-${i}`;
    if (!taken(candidate)) return candidate;
  }
}
