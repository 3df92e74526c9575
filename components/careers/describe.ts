import type { MomentView } from '@/db/moments/find-moments';

/** A moment in a few words: "Senior → Staff at Meta", "Joined Amazon (2012)". */
export function momentTitle(m: MomentView): string {
  const at = m.company ? ` at ${m.company}` : '';
  switch (m.kind) {
    case 'promotion':
      return m.to ? `${m.from ? `${m.from.name} → ` : ''}${m.to.name}${at}` : `Promoted${at}`;
    case 'joined':
      return m.company ? `Joined ${m.company}` : 'Joined a company';
    case 'left':
      return m.company ? `Left ${m.company}` : 'Left a job';
    case 'track':
      return `${m.track === 'ic' ? 'Back to IC' : 'Into management'}${at}`;
    case 'founded':
      return m.company ? `Founded ${m.company}` : 'Founded a company';
    case 'pip':
      return `Put on a PIP${at}`;
    case 'layoff':
      return `Laid off${at}`;
  }
}

/** A short mark for the timeline: "M2", "Joined", "PIP". */
export function momentMark(m: MomentView): string {
  if (m.kind === 'promotion') return m.to ? `↑ ${m.to.name.replace(/ \(.*\)$/, '')}` : '↑ Promoted';
  return { joined: 'Joined', left: 'Left', track: m.track === 'ic' ? 'To IC' : 'To manager', founded: 'Founded', pip: 'PIP', layoff: 'Laid off' }[m.kind];
}

/** When and how long, as said: "2019 · took 2 years · age 29". */
export function momentWhen(m: MomentView): string[] {
  const out: string[] = [];
  if (m.year) out.push(m.yearInferred ? `about ${m.year}` : String(m.year));
  if (m.durationMonths) {
    const y = m.durationMonths / 12;
    out.push(`took ${m.durationMonths < 12 ? `${m.durationMonths} months` : `${Number.isInteger(y) ? y : y.toFixed(1)} ${y === 1 ? 'year' : 'years'}`}`);
  }
  if (m.age) out.push(`age ${m.age}`);
  return out;
}

/** Whose words the quote is, when not the guest's own. */
export function sourceNote(m: MomentView): string | null {
  if (m.source === 'summary') return 'from the episode’s summary';
  if (m.source === 'description') return 'from the episode’s description';
  if (m.source === 'question') return `${m.speaker.label ?? 'the host'}, to the guest`;
  return null;
}
