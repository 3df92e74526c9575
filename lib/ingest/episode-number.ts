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
