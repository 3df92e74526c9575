import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { escapeRegex } from './text';

/** The company gazetteer (content/companies.yaml): employers and the other names they go by. */
export interface Company {
  name: string;
  /** one of its names is as often a product people use as an employer */
  product: boolean;
}

export interface CompanyHit {
  company: Company;
  /** this name of it is (also) a product people use as users ("Facebook", not "Meta") */
  product: boolean;
  /** as written ("Facebook") */
  label: string;
  index: number;
  length: number;
}

export interface Gazetteer {
  companies: readonly Company[];
  /** every name and alias as written */
  labels: readonly string[];
  /** every company named in `text`, left to right */
  find(text: string): CompanyHit[];
  /** the company named exactly at `at` ("Google" in "joined Google in 2012") */
  at(text: string, at: number): CompanyHit | null;
  byName(name: string): Company | null;
}

const schema = z.object({
  'ladder-companies': z.literal(1),
  companies: z.array(
    z.object({
      name: z.string().min(1),
      aliases: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
      product: z.union([z.boolean(), z.array(z.string())]).default(false),
    }),
  ),
});

export const isGazetteerText = (text: string) => /^ladder-companies:\s*1\s*$/m.test(text.slice(0, 4000));

export function parseGazetteer(text: string, file = 'companies.yaml'): Gazetteer {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new Error(`${file}: not valid YAML: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid gazetteer'}`);
  }
  const byLabel = new Map<string, Company>();
  const productLabels = new Set<string>();
  const companies: Company[] = [];
  for (const c of parsed.data.companies) {
    const company = { name: c.name, product: c.product !== false };
    companies.push(company);
    for (const label of [c.name, ...c.aliases]) {
      if (byLabel.has(label)) throw new Error(`${file}: "${label}" names two companies`);
      byLabel.set(label, company);
      if (c.product === true || (Array.isArray(c.product) && c.product.includes(label))) productLabels.add(label);
    }
  }
  const labels = [...byLabel.keys()].sort((a, b) => b.length - a.length);
  // labels by their first word: a text is scanned once for capitalised words, not once per company
  const byFirst = new Map<string, string[]>();
  for (const label of labels) {
    const first = label.split(' ')[0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), label]);
  }
  const lowerFirst = labels.filter((l) => !/^[A-Z0-9]/.test(l)).map((l) => escapeRegex(l.split(' ')[0]!));
  const candidates = new RegExp(`(?<![\\w.@/-])(?:[A-Z0-9][\\w.&!-]*${lowerFirst.length ? `|(?:${lowerFirst.join('|')})\\b` : ''})`, 'g');
  // a company name followed by another capitalised word is a product or a place ("Google Docs", "Amazon River")
  const tail = /^(?:[\w@]|\.\w|\s+(?!I\b)[A-Z][a-z])/;
  const at = (text: string, i: number): CompanyHit | null => {
    const raw = /^[\w.&!-]+/.exec(text.slice(i, i + 40))?.[0] ?? '';
    for (const label of byFirst.get(raw) ?? byFirst.get(raw.replace(/[.!,]+$/, '')) ?? []) {
      if (!text.startsWith(label, i)) continue;
      if (tail.test(text.slice(i + label.length, i + label.length + 24))) continue;
      return { company: byLabel.get(label)!, product: productLabels.has(label), label, index: i, length: label.length };
    }
    return null;
  };
  return {
    companies,
    labels,
    find(text) {
      const out: CompanyHit[] = [];
      candidates.lastIndex = 0;
      for (let m = candidates.exec(text); m; m = candidates.exec(text)) {
        const hit = at(text, m.index);
        if (hit) {
          out.push(hit);
          candidates.lastIndex = hit.index + hit.length;
        }
      }
      return out;
    },
    at,
    byName: (name) => companies.find((c) => c.name.toLowerCase() === name.toLowerCase()) ?? null,
  };
}
