import type { ChapterInput, GeneratedChapter } from '@/lib/chapters/types';

export const MIN_CHAPTER_SECONDS = 60;

/**
 * What every set of generated chapters must satisfy, as a list of broken rules
 * (empty when all hold): the first at 0:00 on the first segment, starts in
 * order and each on the first segment of a turn (in a second of its own), no chapter under a minute,
 * titles present, at most 48 characters and unique in the document.
 */
export function chapterProblems(input: ChapterInput, chapters: readonly GeneratedChapter[], spanSeconds: number): string[] {
  const problems: string[] = [];
  const first = chapters[0];
  if (!first) return ['no chapters'];
  if (first.startSeconds !== 0 || first.segmentIndex !== 0) problems.push(`first chapter at ${first.startSeconds} s, segment ${first.segmentIndex}`);
  const titles = new Set<string>();
  chapters.forEach((c, i) => {
    const end = chapters[i + 1]?.startSeconds ?? spanSeconds;
    if (end - c.startSeconds < MIN_CHAPTER_SECONDS) problems.push(`chapter ${i} "${c.title}" lasts ${end - c.startSeconds} s`);
    if (i > 0 && c.segmentIndex <= chapters[i - 1]!.segmentIndex) problems.push(`chapter ${i} does not start after the one before`);
    const seg = input.segments[c.segmentIndex];
    const prev = input.segments[c.segmentIndex - 1];
    if (!seg) problems.push(`chapter ${i} points at no segment`);
    else if (i > 0 && prev && seg.turn !== null && seg.turn === prev.turn) problems.push(`chapter ${i} "${c.title}" starts inside turn ${seg.turn}`);
    if (i > 0 && seg && seg.startSeconds !== null && Math.floor(seg.startSeconds) !== c.startSeconds) problems.push(`chapter ${i} starts at ${c.startSeconds} s, its segment at ${seg.startSeconds} s`);
    // a ?t= link to the chapter must land on its turn, not on one that starts in the same second
    if (i > 0 && prev?.startSeconds != null && Math.floor(prev.startSeconds) >= c.startSeconds) problems.push(`chapter ${i} shares its second with the turn before`);
    if (c.title.trim() === '' || c.title.length > 48) problems.push(`chapter ${i} title "${c.title}"`);
    if (titles.has(c.title.toLowerCase())) problems.push(`title "${c.title}" twice`);
    titles.add(c.title.toLowerCase());
    if (c.generated !== true) problems.push(`chapter ${i} not marked generated`);
  });
  return problems;
}
