import { isEmptyQuery, parseQuery, type ParsedQuery } from '@/lib/search/query';
import { buildSnippet } from '@/lib/search/snippet';
import type { DocumentKind, Facets, Highlight, SearchFilters } from '@/lib/search/types';
import { momentPath } from '@/lib/episode/urls';
import type { LadderDb } from '../client';
import type { SearchArgs, SearchGroup, SearchHit, SearchResponse } from './search-segments';

/**
 * Search while no index is published (a database imported without its index
 * step, a deleted or damaged index folder, a publication that failed on a full
 * disk): the same answer shape from the FTS5 twin of `segments`, which triggers
 * keep in step with every commit. Words match as prefixes, phrases in order,
 * `-word` excludes, ranked by bm25; no typo tolerance, no facets. The response
 * says so in `degraded`.
 */
export const DEGRADED_NOTE = 'no search index is published yet: ranked by SQLite FTS5, without typo tolerance or filters counts';

const EMPTY_FACETS: Facets = { topic: [], guest: [], show: [], speaker: [], kind: [] };

const quote = (words: readonly string[]) => `"${words.join(' ').replace(/"/g, '""')}"`;

/** The parsed query as an FTS5 MATCH expression, or null when it asks for nothing. */
export function ftsExpression(q: ParsedQuery): string | null {
  if (isEmptyQuery(q)) return null;
  const must = [...q.words.map((w) => `${quote([w])}*`), ...q.phrases.map((p) => `${quote(p.words)}${p.prefix ? '*' : ''}`)];
  const not = [...q.excludeWords.map((w) => quote([w])), ...q.excludePhrases.map((p) => quote(p.words))];
  return must.join(' AND ') + not.map((n) => ` NOT ${n}`).join('');
}

interface Row {
  id: number;
  ordinal: number;
  start: number | null;
  estimated: number;
  text: string;
  speakerName: string | null;
  speakerLabel: string | null;
  chapterTitle: string | null;
  documentId: number;
  slug: string;
  title: string;
  kind: DocumentKind;
}

const FILTER_SQL: Record<keyof SearchFilters, string> = {
  kind: 'd.kind = ?',
  show: 'd.show_id = (SELECT id FROM shows WHERE slug = ?)',
  speaker: 's.speaker_person_id = (SELECT id FROM people WHERE slug = ?)',
  guest: `EXISTS (SELECT 1 FROM document_people dp JOIN people p ON p.id = dp.person_id WHERE dp.document_id = s.document_id AND dp.role = 'guest' AND p.slug = ?)`,
  topic: `(EXISTS (SELECT 1 FROM segment_topics st JOIN topics t ON t.id = st.topic_id WHERE st.segment_id = s.id AND t.slug = ?)
           OR EXISTS (SELECT 1 FROM chapter_topics ct JOIN topics t ON t.id = ct.topic_id WHERE ct.chapter_id = s.chapter_id AND t.slug = ?))`,
};

export function searchWithFts(args: SearchArgs & { limit: number; offset: number }): SearchResponse {
  const t0 = performance.now();
  const parsed = parseQuery(args.q);
  const match = ftsExpression(parsed);
  const base = { query: args.q, fallback: false, facets: EMPTY_FACETS, degraded: DEGRADED_NOTE };
  if (!match) return { ...base, total: 0, tookMs: 0, hits: [], groups: [] };
  const where = ['segments_fts MATCH ?'];
  const params: unknown[] = [match];
  for (const key of Object.keys(FILTER_SQL) as (keyof SearchFilters)[]) {
    const value = args[key];
    if (!value) continue;
    where.push(FILTER_SQL[key]);
    params.push(...Array.from({ length: FILTER_SQL[key].split('?').length - 1 }, () => value));
  }
  const from = `FROM segments_fts f JOIN segments s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id WHERE ${where.join(' AND ')}`;
  const { sqlite } = args.ladderDb;
  let rows: Row[];
  let total: number;
  try {
    total = (sqlite.prepare(`SELECT count(*) AS n ${from}`).get(...params) as { n: number }).n;
    rows = sqlite
      .prepare(
        `SELECT s.id, s.ordinal, s.start_seconds AS start, s.estimated, s.text, p.name AS speakerName, s.speaker_label AS speakerLabel,
           c.title AS chapterTitle, d.id AS documentId, d.slug, d.title, d.kind
         ${from.replace('WHERE', 'LEFT JOIN chapters c ON c.id = s.chapter_id LEFT JOIN people p ON p.id = s.speaker_person_id WHERE')}
         ORDER BY bm25(segments_fts) LIMIT ? OFFSET ?`,
      )
      .all(...params, args.limit, args.offset) as Row[];
  } catch (err) {
    // a query FTS5 cannot parse finds nothing, as a query the engine cannot match does
    if (err instanceof Error && /fts5|syntax/i.test(err.message)) return { ...base, total: 0, tookMs: 0, hits: [], groups: [] };
    throw err;
  }
  // FTS5 matched every word as a prefix: mark them so
  const highlight: Highlight = { exact: [], prefixes: parsed.words, phrases: parsed.phrases };
  const hits: SearchHit[] = rows.map((r) => ({
    documentSlug: r.slug,
    documentTitle: r.title,
    kind: r.kind,
    chapterTitle: r.chapterTitle,
    speaker: r.speakerName ?? r.speakerLabel,
    startSeconds: r.start,
    estimated: r.estimated === 1,
    snippet: buildSnippet(r.text, highlight),
    url: momentPath(r.slug, { startSeconds: r.start, ordinal: r.ordinal }),
  }));
  const groups = groupsOf(args.ladderDb, from, params, rows);
  return { ...base, total, tookMs: Math.round((performance.now() - t0) * 100) / 100, hits, groups };
}

/** The page's documents, each with its match count and the seconds of its timed matches. */
function groupsOf(ladderDb: LadderDb, from: string, params: unknown[], rows: Row[]): SearchGroup[] {
  const docs = [...new Set(rows.map((r) => r.documentId))];
  if (docs.length === 0) return [];
  const grouped = ladderDb.sqlite
    .prepare(
      `SELECT d.id, d.slug, d.title, count(*) AS n, json_group_array(s.start_seconds) AS starts
       ${from} AND d.id IN (SELECT value FROM json_each(?)) GROUP BY d.id`,
    )
    .all(...params, JSON.stringify(docs)) as { id: number; slug: string; title: string; n: number; starts: string }[];
  const byId = new Map(grouped.map((g) => [g.id, g]));
  return docs.flatMap((id) => {
    const g = byId.get(id);
    if (!g) return [];
    const positions = (JSON.parse(g.starts) as (number | null)[]).filter((s): s is number => s !== null).sort((a, b) => a - b);
    return [{ documentSlug: g.slug, documentTitle: g.title, count: g.n, positions }];
  });
}
