import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { escapeRegex } from './text';

/**
 * The level map (content/levels.yaml): one shared ladder per track, and each
 * company's codes and titles placed on it, so "E6 at Meta" and "staff at Meta"
 * are the same step.
 */
export const TRACKS = ['ic', 'manager'] as const;
export type Track = (typeof TRACKS)[number];

export interface Step {
  key: string;
  track: Track;
  /** position within the track, 0 = lowest */
  rank: number;
  name: string;
}

export interface LevelHit {
  step: Step;
  /** as written ("E6", "staff engineer") */
  label: string;
  index: number;
  length: number;
}

const stepSchema = z.object({ step: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1), names: z.array(z.string().min(1)).default([]) });
const companyLevelSchema = z.object({
  step: z.string(),
  codes: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  names: z.array(z.string().min(1)).default([]),
});
const mapSchema = z.object({
  'ladder-levels': z.literal(1),
  steps: z.object({ ic: z.array(stepSchema).min(1), manager: z.array(stepSchema).min(1) }),
  codes: z.array(z.object({ code: z.union([z.string(), z.number()]).transform(String), step: z.string() })).default([]),
  companies: z.array(z.object({ company: z.string().min(1), levels: z.array(companyLevelSchema) })).default([]),
});

interface Matcher {
  codes: RegExp | null;
  names: RegExp | null;
  codeStep: Map<string, Step>;
  nameStep: Map<string, Step>;
}

export interface LevelMap {
  steps: readonly Step[];
  step(key: string): Step | null;
  /** the company's own ladder when it has one, else the generic names and codes */
  hasCompany(company: string): boolean;
  /** a level written exactly as `label` (a code or a title) */
  resolve(label: string, company?: string | null): Step | null;
  /** a level starting exactly at `at` in `text` (after "a", "the", "level"), longest first */
  levelAt(text: string, at: number, company?: string | null): LevelHit | null;
  /** every level mentioned in `text` */
  findLevels(text: string, company?: string | null): LevelHit[];
  /** the step `by` places above or below, on the same track */
  shift(step: Step, by: number): Step | null;
}

export const isLevelMapText = (text: string) => /^ladder-levels:\s*1\s*$/m.test(text.slice(0, 4000));

function longestFirst(words: Iterable<string>): string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

function wordsRegex(words: string[], flags: string): RegExp | null {
  if (words.length === 0) return null;
  const body = words.map((w) => escapeRegex(w).replace(/\s+/g, '[\\s-]+')).join('|');
  // a level is a whole word: "E5" but not "E50", "senior" but not "seniority"
  return new RegExp(`(?<![\\w-])(?:${body})(?![\\w]|-\\w)`, flags);
}

function buildMatcher(codes: Map<string, Step>, names: Map<string, Step>): Matcher {
  return {
    codes: wordsRegex(longestFirst(codes.keys()), 'gy'),
    names: wordsRegex(longestFirst(names.keys()), 'giy'),
    codeStep: codes,
    nameStep: names,
  };
}

const norm = (s: string) => s.toLowerCase().replace(/[\s-]+/g, ' ').trim();
/** a title written without lower case ("M1", "VP", "SDE II") is a code: it matches only as written ("em" is not "EM") */
const isCode = (s: string) => !/\p{Ll}/u.test(s);

export function parseLevelMap(text: string, file = 'levels.yaml'): LevelMap {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new Error(`${file}: not valid YAML: ${(err as Error).message}`);
  }
  const parsed = mapSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid level map'}`);
  }
  const data = parsed.data;
  const steps: Step[] = [];
  const byKey = new Map<string, Step>();
  const genericNames = new Map<string, Step>();
  const genericCodes = new Map<string, Step>();
  for (const track of TRACKS) {
    data.steps[track].forEach((s, rank) => {
      if (byKey.has(s.step)) throw new Error(`${file}: step "${s.step}" is defined twice`);
      const step: Step = { key: s.step, track, rank, name: s.name };
      steps.push(step);
      byKey.set(s.step, step);
      for (const n of s.names) (isCode(n) ? genericCodes : genericNames).set(isCode(n) ? n : norm(n), step);
    });
  }
  const need = (key: string, where: string) => {
    const s = byKey.get(key);
    if (!s) throw new Error(`${file}: ${where}: unknown step "${key}"`);
    return s;
  };
  for (const c of data.codes) genericCodes.set(c.code, need(c.step, `code ${c.code}`));

  const companies = new Map<string, Matcher>();
  for (const c of data.companies) {
    const codes = new Map(genericCodes);
    const names = new Map(genericNames);
    for (const l of c.levels) {
      const step = need(l.step, `${c.company}`);
      for (const code of l.codes) codes.set(code, step);
      for (const n of l.names) (isCode(n) ? codes : names).set(isCode(n) ? n : norm(n), step);
    }
    companies.set(c.company.toLowerCase(), buildMatcher(codes, names));
  }
  const generic = buildMatcher(genericCodes, genericNames);
  const matcherFor = (company?: string | null) => (company ? (companies.get(company.toLowerCase()) ?? generic) : generic);

  const levelAt = (text: string, at: number, company?: string | null): LevelHit | null => {
    const m = matcherFor(company);
    // "promoted to a senior engineer", "to the staff level", "to level E5"
    const lead = /(?:(?:a|an|the|level|the level of|like|basically)\s+)*/iy;
    lead.lastIndex = at;
    const start = lead.exec(text) ? lead.lastIndex : at;
    for (const [re, table, key] of [
      [m.codes, m.codeStep, (s: string) => s.replace(/[\s-]+/g, ' ')],
      [m.names, m.nameStep, norm],
    ] as const) {
      if (!re) continue;
      re.lastIndex = start;
      const hit = re.exec(text);
      if (!hit) continue;
      const step = table.get(key(hit[0])) ?? table.get(hit[0]);
      if (step) return { step, label: hit[0], index: start, length: hit[0].length };
    }
    return null;
  };

  return {
    steps,
    step: (key) => byKey.get(key) ?? null,
    hasCompany: (company) => companies.has(company.toLowerCase()),
    resolve(label, company) {
      const m = matcherFor(company);
      return m.codeStep.get(label.trim()) ?? m.nameStep.get(norm(label)) ?? null;
    },
    levelAt,
    findLevels(text, company) {
      const hits: LevelHit[] = [];
      for (let i = 0; i < text.length; i++) {
        if (i > 0 && /[\w-]/.test(text[i - 1]!)) continue;
        const hit = levelAt(text, i, company);
        if (hit && hit.index === i) {
          hits.push(hit);
          i += hit.length - 1;
        }
      }
      return hits;
    },
    shift(step, by) {
      return steps.find((s) => s.track === step.track && s.rank === step.rank + by) ?? null;
    },
  };
}
