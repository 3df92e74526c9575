import { NUMBER, parseNumber } from './text';

/** When a moment happened and how long it took, as the sentence says it. */
export interface When {
  year: number | null;
  /** the year comes from "N years ago" and the publication date, not from the speaker */
  yearInferred: boolean;
  age: number | null;
  durationMonths: number | null;
}

const YEAR = /(?<![\d$£€.,-])(?:'|’)?\b(19[6-9]\d|20[0-4]\d)\b(?![\d,.]\d|\s*(?:%|percent|people|engineers|employees|users|customers|lines|dollars|downloads|stars))/g;
const AGO = new RegExp(String.raw`\b(${NUMBER}|a couple of)\s+years?\s+ago\b`, 'gi');
const LAST_YEAR = /\blast year\b/gi;
const AGE = new RegExp(
  String.raw`\b(?:when (?:I|he|she) (?:was|were)(?: (?:about|around|only|just))?|(?:at|by) (?:the )?age(?: of)?|aged)\s+(${NUMBER})\b(?!\s*(?:percent|%|people|engineers|months|days))|\b(?:at|by) (${NUMBER}) years? old\b`,
  'gi',
);
const UNIT = String.raw`(years?|months?)`;
const SPAN = String.raw`(${NUMBER})(\s+and a half)?\s+${UNIT}`;
const DURATIONS: RegExp[] = [
  new RegExp(String.raw`\btook (?:me|him|her|them|us)?\s*(?:(?:about|around|almost|nearly|over|just|only|roughly|like|maybe|probably|exactly)\s+)*${SPAN}`, 'gi'),
  new RegExp(String.raw`\b(?:after|within|in(?:\s+(?:just|only|about|under|less than))?)\s+(?:(?:about|around|almost|nearly|over|just|only|roughly|like)\s+)*${SPAN}\b(?!\s+(?:ago|later than))`, 'gi'),
  new RegExp(String.raw`\b(?:(?:about|around|almost|nearly|over|just|only|roughly|like)\s+)*${SPAN}\s+(?:into|later|in)\b`, 'gi'),
];
/** how far (characters) from the start of the moment's words a year, age or duration may stand */
const REACH_AFTER = 110;
const REACH_BEFORE = 60;
const YEAR_AND_HALF = /\ba year and a half\b/gi;
const HALF_YEAR = /\bhalf a year\b/gi;

interface Found {
  index: number;
  value: number;
}

function all(re: RegExp, text: string, value: (m: RegExpExecArray) => number | null): Found[] {
  const out: Found[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const v = value(m);
    if (v !== null) out.push({ index: m.index, value: v });
  }
  return out;
}

function lastBoundary(text: string): number {
  let last = 0;
  for (const m of text.matchAll(/[;:—–]|\.\.\.|…/g)) last = m.index + m[0].length;
  return last;
}

/** The mention nearest after `from`, else the nearest before it; a mention far from the moment is about something else. */
function nearest(found: Found[], from: number): Found | null {
  const after = found.filter((f) => f.index >= from && f.index - from <= REACH_AFTER).sort((a, b) => a.index - b.index)[0];
  if (after) return after;
  return found.filter((f) => f.index < from && from - f.index <= REACH_BEFORE).sort((a, b) => b.index - a.index)[0] ?? null;
}

function months(m: RegExpExecArray): number | null {
  const n = parseNumber(m[1]!);
  if (n === null || n <= 0) return null;
  const total = (n + (m[2] ? 0.5 : 0)) * (/^year/i.test(m[3]!) ? 12 : 1);
  return total > 0 && total <= 360 ? Math.round(total) : null;
}

/**
 * Reads the year, age and duration a sentence gives for the moment found at
 * `from`. A year after the publication year is not a year the story happened in.
 */
export function readWhen(whole: string, at: number, publishedYear: number | null): When {
  // only the clause of the moment: "I joined midway; they started the company around 2008" is not when I joined
  const before = lastBoundary(whole.slice(0, at));
  const afterCut = whole.slice(at).search(/[;:—–]|\.\.\.|…/);
  const sentence = whole.slice(before, afterCut === -1 ? whole.length : at + afterCut);
  const from = at - before;
  const ceiling = publishedYear ?? new Date().getFullYear();
  const years = all(YEAR, sentence, (m) => {
    const y = Number(m[1]);
    return y <= ceiling ? y : null;
  });
  let year = nearest(years, from)?.value ?? null;
  let yearInferred = false;
  if (year === null && publishedYear !== null) {
    const ago = [
      ...all(AGO, sentence, (m) => parseNumber(m[1]!)),
      ...all(LAST_YEAR, sentence, () => 1),
    ].filter((f) => f.value > 0 && f.value < 60);
    const hit = nearest(ago, from);
    if (hit) {
      year = publishedYear - hit.value;
      yearInferred = true;
    }
  }
  const ages = all(AGE, sentence, (m) => {
    const n = parseNumber(m[1] ?? m[2] ?? '');
    return n !== null && n >= 14 && n <= 80 ? n : null;
  });
  const durations = [
    ...DURATIONS.flatMap((re) => all(re, sentence, months)),
    ...all(YEAR_AND_HALF, sentence, () => 18),
    ...all(HALF_YEAR, sentence, () => 6),
  ];
  return { year, yearInferred, age: nearest(ages, from)?.value ?? null, durationMonths: nearest(durations, from)?.value ?? null };
}
