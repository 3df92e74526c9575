/**
 * The episode number a file name carries: "founders-talk-52.md", "ep12.srt",
 * "episode_7.vtt", "Show #104.md". Years and dates are not episode numbers.
 */
const NUMBER_AT_END = /(?:^|[\s_.#-])(?:ep(?:isode)?[\s_.-]*)?#?(\d{1,5})$/i;

export function episodeNumberFromFileName(fileName: string): number | null {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  if (/\d{4}[-_.]\d{2}(?:[-_.]\d{2})?$/.test(stem)) return null;
  const m = NUMBER_AT_END.exec(stem);
  if (!m) return null;
  const n = Number(m[1]);
  if (m[1]!.length === 4 && n >= 1950 && n <= 2100 && !/ep/i.test(stem)) return null;
  return n;
}

/** "the-changelog-103.md" → "the-changelog": the part of the name a show's files share. */
export function showStemFromFileName(fileName: string): string | null {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const m = /^(.*?)[\s_.-]*(?:ep(?:isode)?[\s_.-]*)?#?\d{1,5}$/i.exec(stem);
  return m && /\p{L}/u.test(m[1]!) ? m[1]! : null;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'with']);

/** "the-changelog" → "The Changelog"; "changelog--friends" → "Changelog & Friends" (slugs write "&" as a double dash). */
export function humaniseSlug(slug: string): string {
  const words = slug
    .replace(/--+/g, ' & ')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}

/**
 * The show a folder of episodes stands for: the name its files share
 * ("founders-talk-51.md", "founders-talk-52.md" → "Founders Talk"), else the
 * folder's own name when it is a subfolder of what was imported.
 */
export function folderShowName(fileNames: readonly string[], folderName: string | null): string | null {
  const counts = new Map<string, number>();
  for (const f of fileNames) {
    const stem = showStemFromFileName(f);
    if (stem) counts.set(stem.toLowerCase(), (counts.get(stem.toLowerCase()) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  if (best && best[1] >= 2 && best[1] * 2 >= fileNames.length) return humaniseSlug(best[0]);
  return folderName ? humaniseSlug(folderName) : null;
}
