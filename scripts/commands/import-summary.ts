import type { ImportReport } from '@/db/import/run-import';

/** What the importer decided about people and duplicates, as lines for a person to read. */
export function decisionLines(report: ImportReport, max = 20): string[] {
  const lines: string[] = [];
  const p = report.people;
  const show = (s: string | null) => (s ? ` in ${s}` : '');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const section = <T>(title: string, list: T[], line: (x: T) => string) => {
    if (list.length === 0) return;
    lines.push(`${title}:`);
    for (const x of list.slice(0, max)) lines.push(`  ${line(x)}`);
    if (list.length > max) lines.push(`  … and ${list.length - max} more (see --json)`);
  };
  section('hosts inferred (they recur across the show)', p.hostsInferred, (h) => `${h.name}${show(h.show)}: ${plural(h.documents, 'episode')}`);
  section('names merged', p.merged, (m) => `"${m.from}" → ${m.to}${show(m.show)} (${plural(m.documents, 'episode')})`);
  section('voices left out of guest lists (heard under a minute)', p.voices, (v) => `${v.label}${show(v.show)}: ${plural(v.documents, 'episode')}, at most ${v.maxSeconds} s`);
  section('labels that are not people', p.notPeople, (n) => `${n.label}: ${plural(n.documents, 'episode')}`);
  section('duplicates (not imported again)', report.duplicates, (d) => `${d.file} is ${d.of} (${d.reason})`);
  if (lines.length > 0) lines.push('A sidecar can override any of these: `speakers:` in NAME.meta.yaml or a folder show.yaml (see README).');
  return lines;
}
