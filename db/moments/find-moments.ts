import type { LevelMap } from '@/lib/careers/levels';
import { TOOK, type MomentQuery } from '@/lib/careers/params';
import type { MomentKind, MomentSource } from '@/lib/careers/types';
import { episodePath, momentPath } from '@/lib/episode/urls';
import type { LadderDb } from '../client';

/*
 * Not under db/queries: GET /api/moments is a Pages Router route and the CLI runs
 * outside Next, where `server-only` throws. Pages reach these through
 * db/queries/moments.ts.
 */

export interface LevelView {
  step: string;
  name: string;
  /** as said ("E6", "senior manager"); null when inferred */
  label: string | null;
}

export interface MomentView {
  kind: MomentKind;
  person: { name: string; slug: string } | null;
  document: { slug: string; title: string; kind: string; publishedOn: string | null };
  from: LevelView | null;
  to: LevelView | null;
  /** the from-level was not said: a promotion is one step unless said otherwise */
  fromInferred: boolean;
  track: 'ic' | 'manager' | null;
  company: string | null;
  year: number | null;
  yearInferred: boolean;
  age: number | null;
  durationMonths: number | null;
  confidence: number;
  source: MomentSource;
  speaker: { label: string | null; role: 'host' | 'guest' | null };
  /** the segment it lands on (its ordinal in the document) and the second */
  ordinal: number | null;
  seconds: number | null;
  estimated: boolean;
  /** the page link to the moment: its second, else its paragraph, else the document */
  url: string;
  quote: string;
}

export interface MomentsResponse {
  total: number;
  moments: MomentView[];
}

interface Row {
  kind: MomentKind;
  personName: string | null;
  personSlug: string | null;
  docSlug: string;
  docTitle: string;
  docKind: string;
  publishedOn: string | null;
  fromLevel: string | null;
  toLevel: string | null;
  fromLabel: string | null;
  toLabel: string | null;
  fromInferred: number;
  track: 'ic' | 'manager' | null;
  company: string | null;
  year: number | null;
  yearInferred: number;
  age: number | null;
  durationMonths: number | null;
  confidence: number;
  source: MomentSource;
  speakerLabel: string | null;
  speakerRole: 'host' | 'guest' | null;
  ordinal: number | null;
  seconds: number | null;
  estimated: number;
  quote: string;
}

const SELECT = `SELECT m.kind, p.name AS personName, p.slug AS personSlug, d.slug AS docSlug, d.title AS docTitle, d.kind AS docKind,
    d.published_on AS publishedOn, m.from_level AS fromLevel, m.to_level AS toLevel, m.from_label AS fromLabel, m.to_label AS toLabel,
    m.from_inferred AS fromInferred, m.track, m.company, m.year, m.year_inferred AS yearInferred, m.age, m.duration_months AS durationMonths,
    m.confidence, m.source, m.speaker_label AS speakerLabel, m.speaker_role AS speakerRole, s.ordinal, m.seconds, m.estimated, m.quote
  FROM career_moments m
  JOIN documents d ON d.id = m.document_id
  LEFT JOIN people p ON p.id = m.person_id
  LEFT JOIN segments s ON s.id = m.segment_id`;

function where(q: Partial<MomentQuery>): { sql: string; args: Record<string, string | number> } {
  const parts: string[] = [];
  const args: Record<string, string | number> = {};
  const add = (sql: string, key: string, value: string | number | undefined) => {
    if (value === undefined) return;
    parts.push(sql);
    args[key] = value;
  };
  add('m.kind = @kind', 'kind', q.kind);
  add('m.company = @company COLLATE NOCASE', 'company', q.company);
  add('m.from_level = @from', 'from', q.from);
  add('m.to_level = @to', 'to', q.to);
  add('m.track = @track', 'track', q.track);
  add('p.slug = @guest', 'guest', q.guest);
  add('d.slug = @episode', 'episode', q.episode);
  if (q.took) {
    parts.push('m.duration_months BETWEEN @tookMin AND @tookMax');
    args.tookMin = TOOK[q.took].min;
    args.tookMax = TOOK[q.took].max;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

function level(levels: LevelMap, key: string | null, label: string | null): LevelView | null {
  if (!key) return null;
  return { step: key, name: levels.step(key)?.name ?? key, label: label || null };
}

function toView(r: Row, levels: LevelMap): MomentView {
  const at = { ordinal: r.ordinal ?? 0, startSeconds: r.seconds };
  return {
    kind: r.kind,
    person: r.personName && r.personSlug ? { name: r.personName, slug: r.personSlug } : null,
    document: { slug: r.docSlug, title: r.docTitle, kind: r.docKind, publishedOn: r.publishedOn },
    from: level(levels, r.fromLevel, r.fromLabel),
    to: level(levels, r.toLevel, r.toLabel),
    fromInferred: r.fromInferred === 1,
    track: r.track,
    company: r.company,
    year: r.year,
    yearInferred: r.yearInferred === 1,
    age: r.age,
    durationMonths: r.durationMonths,
    confidence: r.confidence,
    source: r.source,
    speaker: { label: r.speakerLabel, role: r.speakerRole },
    ordinal: r.ordinal,
    seconds: r.seconds,
    estimated: r.estimated === 1,
    url: r.seconds === null && r.ordinal === null ? episodePath(r.docSlug) : momentPath(r.docSlug, at),
    quote: r.quote,
  };
}

/** Moments matching the query, newest episodes first and in the order told within one. */
export function findMoments({ ladderDb, levels, query }: { ladderDb: LadderDb; levels: LevelMap; query: Partial<MomentQuery> }): MomentsResponse {
  const w = where(query);
  const total = (ladderDb.sqlite.prepare(`SELECT count(*) AS n FROM (${SELECT} ${w.sql})`).get(w.args) as { n: number }).n;
  const rows = ladderDb.sqlite
    .prepare(`${SELECT} ${w.sql} ORDER BY d.published_on IS NULL, d.published_on DESC, d.id, m.ordinal LIMIT @limit OFFSET @offset`)
    .all({ ...w.args, limit: query.limit ?? 50, offset: query.offset ?? 0 }) as Row[];
  return { total, moments: rows.map((r) => toView(r, levels)) };
}

/** Every moment of one person across their documents, in the order told (the timeline sorts them by year). */
export function findPersonMoments({ ladderDb, levels, slug }: { ladderDb: LadderDb; levels: LevelMap; slug: string }): MomentView[] {
  const rows = ladderDb.sqlite.prepare(`${SELECT} WHERE p.slug = @slug ORDER BY d.published_on, d.id, m.ordinal`).all({ slug }) as Row[];
  return rows.map((r) => toView(r, levels));
}

export interface MatrixCell {
  from: string;
  to: string;
  count: number;
}

/** Promotion stories counted by the step they went from and to (both known), under the same filters. */
export function promotionMatrix({ ladderDb, query }: { ladderDb: LadderDb; query: Partial<MomentQuery> }): MatrixCell[] {
  const w = where({ ...query, kind: 'promotion', from: undefined, to: undefined });
  return ladderDb.sqlite
    .prepare(
      `SELECT m.from_level AS "from", m.to_level AS "to", count(*) AS count FROM career_moments m
       JOIN documents d ON d.id = m.document_id LEFT JOIN people p ON p.id = m.person_id
       ${w.sql} ${w.sql ? 'AND' : 'WHERE'} m.from_level IS NOT NULL AND m.to_level IS NOT NULL GROUP BY 1, 2`,
    )
    .all(w.args) as MatrixCell[];
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** The filters of the promotion matrix with how many promotion stories each would show. */
export function promotionFacets({ ladderDb }: { ladderDb: LadderDb }): { company: FacetValue[]; track: FacetValue[]; took: FacetValue[] } {
  const all = <T>(sql: string) => ladderDb.sqlite.prepare(sql).all() as T[];
  const company = all<{ value: string; count: number }>(
    `SELECT company AS value, count(*) AS count FROM career_moments WHERE kind = 'promotion' AND company IS NOT NULL GROUP BY company ORDER BY count DESC, company`,
  ).map((c) => ({ ...c, label: c.value }));
  const tracks = new Map(all<{ value: string; count: number }>(`SELECT track AS value, count(*) AS count FROM career_moments WHERE kind = 'promotion' AND track IS NOT NULL GROUP BY track`).map((t) => [t.value, t.count]));
  const track = [
    { value: 'ic', label: 'Engineer (IC)', count: tracks.get('ic') ?? 0 },
    { value: 'manager', label: 'Manager', count: tracks.get('manager') ?? 0 },
  ].filter((t) => t.count > 0);
  const months = all<{ m: number }>(`SELECT duration_months AS m FROM career_moments WHERE kind = 'promotion' AND duration_months IS NOT NULL`).map((r) => r.m);
  const took = Object.entries(TOOK)
    .map(([value, t]) => ({ value, label: t.label, count: months.filter((m) => m >= t.min && m <= t.max).length }))
    .filter((t) => t.count > 0);
  return { company, track, took };
}
