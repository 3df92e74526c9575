import { dateProblem } from './yaml-options';

/**
 * Calendar dates as they appear in front matter and page headers:
 * "15/08/2025" (day first, as in the corpus), "2025-08-15", "2025/08/15".
 * Returns ISO YYYY-MM-DD, or null when the text is not a real date (month 13,
 * 30 February, a year outside 1900–2100).
 */
export function parseDateValue(raw: string): string | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) {
    // day-first: the corpus writes 15/08/2025; month-first would be ambiguous anyway
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return null;
  }
  if (dateProblem(y, m, d) !== null) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A JS Date (YAML 1.1 timestamps) → ISO day. */
export function isoDay(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}
