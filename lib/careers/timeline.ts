import type { MomentKind } from './types';

/** What the timeline needs of a moment; the rest rides along for the page. */
export interface TimelineMoment {
  kind: MomentKind;
  company: string | null;
  year: number | null;
}

export interface Band<T extends TimelineMoment> {
  company: string;
  /** first and last year known of the stint (a move or a moment there), null when never said */
  start: number | null;
  end: number | null;
  /** the company the guest is at now (front matter) */
  now: boolean;
  /** front-matter facts that belong on this band ("Biggest role: …") */
  facts: string[];
  marks: T[];
}

export interface Timeline<T extends TimelineMoment> {
  bands: Band<T>[];
  /** moments at no company that the story names ("I had just left my previous job") */
  elsewhere: T[];
  careerStart: number | null;
  /** the span of years the axis covers, when any year is known */
  from: number | null;
  to: number | null;
}

export interface PersonFacts {
  careerStartYear: number | null;
  currentCompany: string | null;
  biggestRole: string | null;
  /** the year the story is told up to (the latest publication), else this year */
  asOf: number;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * A career as companies over the years: one band per company the moments name,
 * in the order of the years said, and otherwise in the order the story tells
 * them; moments as marks on their band; the front-matter facts placed on it
 * (career start at the left, the current company last, the biggest role on the
 * company it names). Nothing is invented: a stint whose years nobody said has none.
 */
export function buildTimeline<T extends TimelineMoment>(moments: readonly T[], facts: PersonFacts): Timeline<T> {
  const bands: Band<T>[] = [];
  const elsewhere: T[] = [];
  for (const m of moments) {
    if (!m.company) {
      elsewhere.push(m);
      continue;
    }
    let band = bands.find((b) => same(b.company, m.company!));
    if (!band) {
      band = { company: m.company, start: null, end: null, now: false, facts: [], marks: [] };
      bands.push(band);
    }
    band.marks.push(m);
    if (m.year !== null) {
      if (m.kind === 'left') band.end = Math.max(band.end ?? m.year, m.year);
      else band.start = Math.min(band.start ?? m.year, m.year);
    }
  }
  // on a band: how the stint began first, how it ended last, the rest as told
  const phase = (m: T) => (m.kind === 'joined' || m.kind === 'founded' ? 0 : m.kind === 'left' ? 2 : 1);
  for (const b of bands) b.marks = b.marks.map((m, i) => [m, i] as const).sort((x, y) => phase(x[0]) - phase(y[0]) || x[1] - y[1]).map(([m]) => m);
  // years said win over the order told: put the dated bands in year order, in the places dated bands hold
  const dated = bands.filter((b) => b.start !== null || b.end !== null);
  const byYear = [...dated].sort((a, b) => (a.start ?? a.end!) - (b.start ?? b.end!));
  let k = 0;
  const ordered = bands.map((b) => (b.start !== null || b.end !== null ? byYear[k++]! : b));

  if (facts.currentCompany) {
    const i = ordered.findIndex((b) => same(b.company, facts.currentCompany!));
    const band = i === -1 ? { company: facts.currentCompany, start: null, end: null, now: true, facts: [], marks: [] } : ordered.splice(i, 1)[0]!;
    band.now = true;
    ordered.push(band);
  }
  const at = facts.biggestRole ? /\bat\s+(.+)$/i.exec(facts.biggestRole) : null;
  if (facts.biggestRole) {
    const band = at ? ordered.find((b) => same(b.company, at[1]!.trim())) : undefined;
    if (band) band.facts.push(`Biggest role: ${facts.biggestRole.slice(0, at!.index).trim()}`);
  }
  const years = [facts.careerStartYear, ...ordered.flatMap((b) => [b.start, b.end])].filter((y): y is number => y !== null);
  const from = years.length ? Math.min(...years) : null;
  return { bands: ordered, elsewhere, careerStart: facts.careerStartYear, from, to: from === null ? null : Math.max(facts.asOf, ...years) };
}
