import type { CareerData, MomentInput } from './input';
import type { LevelHit } from './levels';
import type { Found } from './merge';
import type { MomentKind } from './types';

/** What a chapter title says it is about ("Staff promo", "Why leave Meta", "Management vs Eng"). */
const CUES: Record<MomentKind, RegExp> = {
  promotion: /\bpromo(?:s|tions?|ted)?\b/i,
  left: /\b(?:leav(?:e|es|ing)|left|quit(?:ting)?)\b/i,
  joined: /\b(?:join(?:s|ed|ing)?|landing|hired)\b/i,
  track: /\bmanag(?:er|ers|ement)\b/i,
  founded: /\b(?:found(?:ed|ing|er)?|startups?|start-ups?|own company)\b/i,
  pip: /\bPIPs?\b/,
  layoff: /\blay-?offs?\b|\blaid off\b/i,
};

/** A promotion chapter's level, when its title names exactly one ("Senior manager (M2) promo story at Meta" → M2). */
export function levelsFromChapter(title: string, data: CareerData, company: string | null): { to: LevelHit } | null {
  if (!CUES.promotion.test(title)) return null;
  const hits = data.levels.findLevels(title, company);
  const steps = new Set(hits.map((h) => h.step.key));
  return steps.size === 1 ? { to: hits[hits.length - 1]! } : null;
}

/**
 * A summary tells a moment without a second. When the recording has a chapter
 * about that moment (by its kind, level and company), the moment lands on the
 * chapter's start, where the story is told; otherwise it keeps no second.
 * Chapters made by Ladder are not evidence of anything and are not used.
 */
export function anchorToChapters(moments: Found[], input: MomentInput, data: CareerData): void {
  const chapters = input.chapters.filter((c) => !c.generated && c.startSeconds !== null);
  const used = new Set<number>();
  const open = moments.filter((m) => m.segmentOrdinal === null).sort((a, b) => Number(b.to !== null) - Number(a.to !== null) || a.order - b.order);
  for (const m of open) {
    const fits = chapters.filter((c) => {
      if (used.has(c.ordinal) || !CUES[m.kind].test(c.title)) return false;
      const companies = data.companies.find(c.title).map((h) => h.company.name);
      if (m.company && companies.length > 0 && !companies.includes(m.company)) return false;
      if (m.kind !== 'promotion') return true;
      const level = levelsFromChapter(c.title, data, m.company);
      return !m.to || !level || level.to.step.key === m.to.step.key;
    });
    if (fits.length === 0) continue;
    const exact = m.kind === 'promotion' && m.to ? fits.find((c) => levelsFromChapter(c.title, data, m.company)?.to.step.key === m.to!.step.key) : undefined;
    // a promotion with no level said takes a chapter only when the chapter's level fits the story's order
    const chapter = exact ?? (m.kind === 'promotion' && !m.to && !m.first ? undefined : fits[0]);
    if (!chapter) continue;
    used.add(chapter.ordinal);
    const first = input.segments.find((s) => s.chapterOrdinal === chapter.ordinal && s.kind === 'speech');
    m.segmentOrdinal = first?.ordinal ?? null;
    m.chapterOrdinal = chapter.ordinal;
    m.seconds = chapter.startSeconds;
    m.estimated = chapter.estimated;
    if (m.kind === 'promotion' && !m.to) {
      const level = levelsFromChapter(chapter.title, data, m.company);
      if (level) {
        m.to = level.to;
        m.track = level.to.step.track;
        const below = data.levels.shift(level.to.step, -1);
        if (below && !m.from) {
          m.from = { step: below, label: '', index: -1, length: 0 };
          m.fromInferred = true;
        }
      }
    }
  }
}
