import { loadCareerData } from '@/db/career-data';
import { extractMoments } from '@/lib/careers/extract';
import type { MomentInput } from '@/lib/careers/input';
import type { Moment } from '@/lib/careers/types';

export const data = loadCareerData();

export interface Turn {
  who: 'host' | 'guest';
  text: string;
}

/** A short interview of our own: Riley Host asks, Dana Ortiz answers, one segment per turn. */
export function interview(turns: (Turn | string)[], extra: Partial<MomentInput> & { publishedOn?: string; summary?: string; chapters?: MomentInput['chapters'] } = {}): MomentInput {
  const list = turns.map((t) => (typeof t === 'string' ? { who: 'guest' as const, text: t } : t));
  return {
    document: { publishedOn: extra.publishedOn ?? null, description: null, summary: extra.summary ?? null },
    people: [
      { name: 'Riley Host', role: 'host' },
      { name: 'Dana Ortiz', role: 'guest' },
    ],
    chapters: extra.chapters ?? [],
    segments: list.map((t, i) => ({
      ordinal: i,
      chapterOrdinal: extra.chapters && extra.chapters.length > 0 ? 0 : null,
      speakerName: t.who === 'host' ? 'Riley Host' : 'Dana Ortiz',
      speakerLabel: t.who === 'host' ? 'Riley' : 'Dana',
      startSeconds: i * 60,
      estimated: false,
      text: t.text,
      kind: 'speech',
      turn: i,
      marks: null,
    })),
  };
}

/** The moments Dana's one sentence tells. */
export function said(text: string, opts: { publishedOn?: string } = {}): Moment[] {
  return extractMoments(interview([{ who: 'host', text: 'Tell me about that.' }, text], opts), data);
}

export const brief = (m: Moment) => ({
  kind: m.kind,
  company: m.company,
  from: m.fromLevel,
  to: m.toLevel,
  year: m.year,
});
