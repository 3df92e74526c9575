import type { CareerData } from './input';
import type { LevelHit } from './levels';
import type { SentenceHit } from './read-sentence';
import type { MomentSource } from './types';

/** A moment as read, with where it stands, before moments told twice are merged. */
export interface Found extends Omit<SentenceHit, 'company'> {
  company: string | null;
  person: string;
  source: MomentSource;
  segmentOrdinal: number | null;
  chapterOrdinal: number | null;
  /** position in the document, for "told before" */
  order: number;
  seconds: number | null;
  estimated: boolean;
  speakerLabel: string | null;
  speakerRole: 'host' | 'guest' | null;
  quote: string;
  fromInferred?: boolean;
}

/** The guest's own words first, then a summary about them, then a host's words, then a blurb. */
const SOURCE_RANK: Record<MomentSource, number> = { speech: 0, summary: 1, question: 2, description: 3 };

const compatible = <T>(a: T | null, b: T | null) => a === null || b === null || a === b;

function key(f: Found): string | null {
  switch (f.kind) {
    case 'promotion':
      return f.to ? `to:${f.to.step.key}` : null;
    case 'joined':
    case 'left':
      return f.company ? `co:${f.company.toLowerCase()}` : null;
    case 'track':
      return `track:${f.track}`;
    default:
      return 'once';
  }
}

function sameMoment(a: Found, b: Found): boolean {
  if (a.person !== b.person || a.kind !== b.kind) return false;
  const yearsApart = a.when.year !== null && b.when.year !== null && Math.abs(a.when.year - b.when.year) > 1;
  if (yearsApart || !compatible(a.company, b.company)) return false;
  if (a.from && b.from && a.from.step.key !== b.from.step.key) return false;
  // a host's question and the guest's answer right after it tell one moment
  if (a.source === 'question' || b.source === 'question') {
    const [q, other] = a.source === 'question' ? [a, b] : [b, a];
    const answers = other.source === 'speech' && other.order > q.order && other.order - q.order < 40_000;
    if (answers && compatible(q.to?.step.key ?? null, other.to?.step.key ?? null)) return true;
  }
  // a serial founder starts several companies: an unnamed one is the named one only when told in the same passage
  if (a.kind === 'founded' && (!a.company || !b.company) && (a.source !== b.source || a.segmentOrdinal !== b.segmentOrdinal)) return false;
  const k = key(a);
  return k !== null && k === key(b);
}

function combine(group: Found[]): Found {
  const sorted = [...group].sort(
    (a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || Number(b.company !== null) - Number(a.company !== null) || b.strength - a.strength || a.order - b.order,
  );
  const best = { ...sorted[0]! };
  const pick = <K extends keyof Found>(k: K) => sorted.map((f) => f[k]).find((v) => v !== null && v !== undefined) ?? best[k];
  best.from = pick('from');
  best.to = pick('to');
  best.track = pick('track');
  best.company = pick('company');
  best.first = group.some((f) => f.first);
  const explicitYear = sorted.find((f) => f.when.year !== null && !f.when.yearInferred) ?? sorted.find((f) => f.when.year !== null);
  best.when = {
    year: explicitYear?.when.year ?? null,
    yearInferred: explicitYear?.when.yearInferred ?? false,
    age: sorted.map((f) => f.when.age).find((v) => v !== null) ?? null,
    durationMonths: sorted.map((f) => f.when.durationMonths).find((v) => v !== null) ?? null,
  };
  // told more than once (by the guest and a summary, or asked and answered): surer
  best.strength = Math.min(0.99, Math.max(...group.map((f) => f.strength)) + 0.05 * (group.length - 1));
  return best;
}

function inferFrom(f: Found, data: CareerData): void {
  if (f.kind !== 'promotion' || !f.to || f.from) return;
  const below = data.levels.shift(f.to.step, -1);
  if (!below) return;
  f.from = { step: below, label: '', index: -1, length: 0 } satisfies LevelHit;
  f.fromInferred = true;
}

/**
 * A story that names one employer only (every move and promotion told is at
 * Meta) places the moments that name none there too; a story of two employers
 * leaves them unplaced rather than guess.
 */
function fillSingleEmployer(moments: Found[]): void {
  for (const person of new Set(moments.map((m) => m.person))) {
    const own = moments.filter((m) => m.person === person && m.kind !== 'founded');
    const named = new Set(own.flatMap((m) => (m.company ? [m.company] : [])));
    if (named.size !== 1) continue;
    const [only] = named;
    for (const m of own) if (!m.company && m.kind !== 'joined' && m.kind !== 'left') m.company = only!;
  }
}

/**
 * One moment per story: the same promotion told by the guest and by a summary,
 * a host's "you got promoted to M2" and the guest's answer, become one, keeping
 * the guest's words as the quote and every detail either gave. A promotion is
 * one step unless said otherwise, and "my first promotion" ends where the next
 * one told starts.
 */
export function mergeMoments(found: Found[], data: CareerData): Found[] {
  const groups: Found[][] = [];
  for (const f of [...found].sort((a, b) => a.order - b.order)) {
    const group = groups.find((g) => g.every((other) => sameMoment(f, other)));
    if (group) group.push(f);
    else groups.push([f]);
  }
  const merged = groups.map(combine).sort((a, b) => a.order - b.order);
  fillSingleEmployer(merged);
  for (const f of merged) inferFrom(f, data);
  merged.forEach((f, i) => {
    if (f.kind !== 'promotion' || f.to || !f.first) return;
    const next = merged.slice(i + 1).find((g) => g.kind === 'promotion' && g.person === f.person && g.from && compatible(g.company, f.company));
    if (!next?.from) return;
    f.to = { ...next.from, label: next.from.label || '', index: -1, length: 0 };
    f.track = f.to.step.track;
    inferFrom(f, data);
  });
  return merged;
}
