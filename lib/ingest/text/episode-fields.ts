/**
 * Front-matter keys → episode metadata. Transcripts come from several tools, so
 * each field has aliases (`title`/`episode_title`, `show`/`channel`/`podcast_name`
 * …). Values are type-checked here so a bad field fails with its name and line.
 */
import { ParseError } from '../types';
import { isoDay, parseDateValue } from './dates';
import type { FrontMatter } from './front-matter';
import { MAX_SECONDS, parseTimestamp } from '@/lib/text/time';

const ALIASES = {
  title: ['title', 'episode_title'],
  description: ['description', 'episode_description'],
  summary: ['summary', 'ai_summary'],
  show: ['show', 'channel', 'podcast_name', 'podcast', 'show_name'],
  date: ['date', 'publish_date', 'published', 'published_on', 'episode_date'],
  duration: ['duration', 'episode_duration', 'duration_minutes', 'duration_seconds', 'episode_duration_seconds'],
  mediaUrl: ['youtube_url', 'url', 'media_url', 'video_url', 'audio_url'],
  guest: ['guest', 'guest_name', 'guests'],
  host: ['host', 'host_name', 'hosts'],
  biggestRole: ['role', 'biggest_role'],
  currentCompany: ['company', 'current_company'],
  companySize: ['company_size'],
  careerStartYear: ['yoe_starting', 'career_start_year', 'career_start'],
  // the corpus stores the chapter list under `guest_background`
  chapters: ['chapters', 'guest_background'],
} as const;
type Field = keyof typeof ALIASES;

export interface EpisodeMeta {
  title: string | null;
  description: string | null;
  summary: string | null;
  show: string | null;
  publishedOn: string | null;
  durationSeconds: number | null;
  mediaUrl: string | null;
  guests: string[];
  hosts: string[];
  biggestRole: string | null;
  currentCompany: string | null;
  companySize: string | null;
  careerStartYear: number | null;
  chapterTitles: string[] | null;
  warnings: string[];
}

const normalizeKey = (key: string) => key.trim().toLowerCase().replace(/[-\s]+/g, '_');
const fieldOf = new Map<string, Field>(
  (Object.entries(ALIASES) as [Field, readonly string[]][]).flatMap(([field, keys]) => keys.map((k) => [k, field])),
);

export function episodeMeta(fm: FrontMatter): EpisodeMeta {
  const warnings: string[] = [];
  const found = new Map<Field, { key: string; value: unknown; line?: number }>();
  for (const [key, value] of Object.entries(fm.data)) {
    const field = fieldOf.get(normalizeKey(key));
    const line = fm.keyLines.get(key);
    if (!field) warnings.push(`front-matter key "${key}" (line ${line}) is not a known field; ignored`);
    else if (found.has(field)) warnings.push(`front-matter key "${key}" (line ${line}) repeats ${field} given by "${found.get(field)!.key}"; ignored`);
    else found.set(field, { key, value, line });
  }

  const fail = (field: Field, what: string): never => {
    const f = found.get(field)!;
    throw new ParseError(`front-matter field "${f.key}" on line ${f.line} ${what}`, f.line);
  };
  const text = (field: Field): string | null => {
    const v = found.get(field)?.value;
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v.trim() || null;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return fail(field, 'must be text');
  };
  const textList = (field: Field): string[] | null => {
    const v = found.get(field)?.value;
    if (v === undefined || v === null) return null;
    const items = Array.isArray(v) ? v : [v];
    if (!items.every((i) => typeof i === 'string' || typeof i === 'number')) fail(field, 'must be a list of text items');
    return items.map((i) => String(i).trim()).filter((i) => i !== '');
  };

  return {
    title: text('title'),
    description: text('description'),
    summary: text('summary'),
    show: text('show'),
    publishedOn: date(found.get('date')?.value, () => fail('date', 'is not a date (use DD/MM/YYYY or YYYY-MM-DD)')),
    durationSeconds: within(
      duration(found.get('duration'), () => fail('duration', 'is not a duration (a number of minutes, or HH:MM:SS)')),
      () => fail('duration', `is over ${MAX_SECONDS / 3600} hours`),
    ),
    mediaUrl: text('mediaUrl'),
    guests: textList('guest') ?? [],
    hosts: textList('host') ?? [],
    biggestRole: text('biggestRole'),
    currentCompany: text('currentCompany'),
    companySize: text('companySize'),
    careerStartYear: year(found.get('careerStartYear')?.value, () => fail('careerStartYear', 'is not a year')),
    chapterTitles: textList('chapters'),
    warnings,
  };
}

function date(v: unknown, fail: () => never): string | null {
  if (v === undefined || v === null || v === '') return null;
  const iso = v instanceof Date ? isoDay(v) : typeof v === 'string' ? parseDateValue(v) : null;
  return iso ?? fail();
}

/** A duration past MAX_SECONDS is a typo, not an episode. */
function within(seconds: number | null, fail: () => never): number | null {
  return seconds !== null && seconds > MAX_SECONDS ? fail() : seconds;
}

/** Minutes unless the key says seconds; "HH:MM:SS" strings are read as a clock length. */
function duration(f: { key: string; value: unknown } | undefined, fail: () => never): number | null {
  if (!f || f.value === null || f.value === '') return null;
  const perUnit = /seconds/i.test(f.key) ? 1 : 60;
  if (typeof f.value === 'number') return f.value >= 0 ? Math.round(f.value * perUnit) : fail();
  if (typeof f.value !== 'string') return fail();
  const clock = parseTimestamp(f.value);
  if (clock !== null && f.value.includes(':')) return Math.round(clock);
  const m = /^(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds|m|min|mins|minutes)?$/i.exec(f.value.trim());
  if (!m) return fail();
  const unit = m[2] ? (/^s/i.test(m[2]) ? 1 : 60) : perUnit;
  return Math.round(Number(m[1]) * unit);
}

function year(v: unknown, fail: () => never): number | null {
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{4}$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1950 && n <= 2100 ? n : fail();
}
