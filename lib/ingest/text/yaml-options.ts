import type { ParseOptions, DocumentOptions, SchemaOptions } from 'yaml';

/**
 * How ingest parses YAML (front matter, sidecars). The library's `!!timestamp`
 * rolls impossible dates over (`2024-13-45` became 2025-02-14): this one refuses
 * them, with the line, and accepts only dates and times that exist.
 */
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2}):(\d{2})(\.\d+)?(?:[ \t]*(Z|[-+]\d{1,2}(?::?\d{2})?))?)?$/;

function resolveTimestamp(raw: string, onError: (message: string) => void): Date | string {
  const m = TIMESTAMP.exec(raw.trim());
  if (!m) {
    onError(`!!timestamp "${raw}" is not a date (yyyy-mm-dd, optionally with a time)`);
    return raw;
  }
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((x) => (x === undefined ? undefined : Number(x))) as number[];
  const problem = dateProblem(y!, mo!, d!) ?? (h > 23 ? `hour ${h}` : mi > 59 ? `minute ${mi}` : s > 59 ? `second ${s}` : null);
  if (problem) {
    onError(`!!timestamp "${raw}" is not a real date: ${problem} is out of range`);
    return raw;
  }
  let ms = Date.UTC(y!, mo! - 1, d!, h, mi, s) + (m[7] ? Math.round(Number(m[7]) * 1000) : 0);
  const tz = m[8];
  if (tz && tz !== 'Z') {
    const [, sign, hh, mm] = /^([-+])(\d{1,2})(?::?(\d{2}))?$/.exec(tz)!;
    ms -= (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm ?? 0)) * 60_000;
  }
  return new Date(ms);
}

/** What is wrong with a calendar date ("month 13"), or null when it exists. Years outside 1900–2100 are not an archive's. */
export function dateProblem(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100) return `year ${y}`;
  if (m < 1 || m > 12) return `month ${m}`;
  if (d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return `day ${d}`;
  return null;
}

export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  customTags: (tags) => [...tags, { tag: 'tag:yaml.org,2002:timestamp', default: false, resolve: resolveTimestamp }],
};
