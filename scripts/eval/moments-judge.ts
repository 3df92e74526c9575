import fs from 'node:fs';
import path from 'node:path';
import type { LadderDb } from '@/db/client';
import { loadCareerData } from '@/db/career-data';
import { sentenceSpans } from '@/lib/text/sentence-spans';
import { SHARED_DIR } from './refs';

/** A moment as the eval sees it: where it lands (file and turn) and what it says. */
export interface JudgedMoment {
  file: string;
  turn: number | null;
  kind: string;
  company: string | null;
  from: string | null;
  to: string | null;
  year: number | null;
  age: number | null;
  durationMonths: number | null;
}

export interface Expected extends Partial<Omit<JudgedMoment, 'turn'>> {
  file: string;
  turns: number[];
  kind: string;
  counts: boolean;
  summaryOnly?: boolean;
  note: string;
}

export interface Label {
  file: string;
  turn: number | null;
  kind: string;
  company: string | null;
  from: string | null;
  to: string | null;
  year: number | null;
  right: boolean;
  note: string;
}

const FIXTURES = path.join(process.cwd(), 'tests', 'fixtures', 'eval', 'moments');
export const readExpected = (): Expected[] => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'corpus-expected.json'), 'utf8')).expected;
export const readLabels = (): { files: string[]; labels: Label[] } => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'changelog-labels.json'), 'utf8'));

const agree = <T>(said: T | null | undefined, shown: T | null) => said === undefined || said === null || shown === null || said === shown;

/**
 * A moment matches what the reader wrote down when it is the same kind, lands on
 * one of the turns the story is told in, and shows nothing the reader's version
 * contradicts; a promotion must also carry the levels the reader wrote.
 */
export function matches(m: JudgedMoment, e: Expected): boolean {
  if (m.file !== e.file || m.kind !== e.kind) return false;
  if (m.turn === null ? !e.summaryOnly : !e.turns.includes(m.turn)) return false;
  if (e.kind === 'promotion' && ((e.to && m.to !== e.to) || (e.from && m.from !== e.from))) return false;
  return agree(e.company, m.company) && agree(e.year, m.year) && agree(e.age, m.age) && agree(e.durationMonths, m.durationMonths);
}

export const labelKey = (m: Pick<Label, 'file' | 'turn' | 'kind' | 'company' | 'from' | 'to' | 'year'>) =>
  [m.file, m.turn, m.kind, m.company ?? '', m.from ?? '', m.to ?? '', m.year ?? ''].join('|');

/** Every stored moment of the documents read from these files (paths relative to ../shared). */
export function storedMoments(ladder: LadderDb, files: readonly string[]): JudgedMoment[] {
  const stmt = ladder.sqlite.prepare(
    `SELECT s.turn, m.kind, m.company, m.from_level AS "from", m.to_level AS "to", m.year, m.age, m.duration_months AS durationMonths
     FROM career_moments m JOIN documents d ON d.id = m.document_id LEFT JOIN segments s ON s.id = m.segment_id
     WHERE d.source_path = ? ORDER BY m.ordinal`,
  );
  return files.flatMap((file) => (stmt.all(path.join(SHARED_DIR, file)) as Omit<JudgedMoment, 'file'>[]).map((m) => ({ ...m, file })));
}

const KEYWORDS: [string, RegExp][] = [
  ['promotion', /\bpromot(?:ed|ion)\b/i],
  ['joined', /\bjoined\b/i],
  ['left', /\b(?:left|quit)\b/i],
  ['founded', /\b(?:co-?founded|founded|started (?:a|the|my|our) company)\b/i],
  ['layoff', /\blaid off\b/i],
  ['pip', /\bPIP\b/],
  ['track', /\b(?:became a manager|into management)\b/i],
];

/**
 * The baseline: a keyword heuristic. Every sentence a guest says with a career
 * keyword is a moment of that kind, at the first company the sentence names.
 */
export function baselineMoments(ladder: LadderDb, files: readonly string[]): JudgedMoment[] {
  const companies = loadCareerData().companies;
  const stmt = ladder.sqlite.prepare(
    `SELECT s.turn, s.text FROM segments s JOIN documents d ON d.id = s.document_id
     JOIN document_people dp ON dp.document_id = d.id AND dp.person_id = s.speaker_person_id AND dp.role = 'guest'
     WHERE d.source_path = ? AND s.kind = 'speech' ORDER BY s.ordinal`,
  );
  const out: JudgedMoment[] = [];
  for (const file of files) {
    for (const seg of stmt.all(path.join(SHARED_DIR, file)) as { turn: number | null; text: string }[]) {
      const seen = new Set<string>();
      for (const span of sentenceSpans(seg.text)) {
        const sentence = seg.text.slice(span.start, span.end);
        for (const [kind, re] of KEYWORDS) {
          if (!re.test(sentence) || seen.has(kind)) continue;
          seen.add(kind);
          const company = companies.find(sentence)[0]?.company.name ?? null;
          out.push({ file, turn: seg.turn, kind, company, from: null, to: null, year: null, age: null, durationMonths: null });
        }
      }
    }
  }
  return out;
}
