import { momentPath } from '@/lib/episode/urls';
import { parseQuery } from '@/lib/search/query';
import { buildSnippet } from '@/lib/search/snippet';
import type { DocumentKind, Facets, SearchFilters } from '@/lib/search/types';
import type { Statement } from 'better-sqlite3';
import type { LadderDb } from '../client';
import { getSearchIndex } from './index-store';

export interface SearchArgs extends SearchFilters {
  ladderDb: LadderDb;
  q: string;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  documentSlug: string;
  documentTitle: string;
  kind: DocumentKind;
  chapterTitle: string | null;
  /** the chapter was made by Ladder from the transcript, not given by the source */
  chapterGenerated: boolean;
  speaker: string | null;
  startSeconds: number | null;
  estimated: boolean;
  /** HTML: escaped text with <mark> around matched words */
  snippet: string;
  url: string;
}

export interface SearchGroup {
  documentSlug: string;
  documentTitle: string;
  count: number;
  positions: number[];
}

export interface SearchResponse {
  query: string;
  total: number;
  tookMs: number;
  fallback: boolean;
  hits: SearchHit[];
  groups: SearchGroup[];
  facets: Facets;
}

interface HitRow {
  id: number;
  ordinal: number;
  start: number | null;
  estimated: number;
  text: string;
  speakerName: string | null;
  speakerLabel: string | null;
  chapterTitle: string | null;
  chapterGenerated: number | null;
  slug: string;
  title: string;
  kind: DocumentKind;
}

const HIT_SQL = `SELECT s.id, s.ordinal, s.start_seconds AS start, s.estimated, s.text,
    p.name AS speakerName, s.speaker_label AS speakerLabel, c.title AS chapterTitle, c.generated AS chapterGenerated,
    d.slug, d.title, d.kind
  FROM segments s
  JOIN documents d ON d.id = s.document_id
  LEFT JOIN chapters c ON c.id = s.chapter_id
  LEFT JOIN people p ON p.id = s.speaker_person_id
  WHERE s.id IN (SELECT value FROM json_each(?))`;

const hitStatements = new WeakMap<LadderDb['sqlite'], Statement>();
function hitStatement(ladderDb: LadderDb) {
  let stmt = hitStatements.get(ladderDb.sqlite);
  if (!stmt) hitStatements.set(ladderDb.sqlite, (stmt = ladderDb.sqlite.prepare(HIT_SQL)));
  return stmt;
}

/** A link to the moment: the second for timed segments, the segment's anchor otherwise (the site's one URL scheme). */
export function hitUrl(slug: string, start: number | null, ordinal: number): string {
  return momentPath(slug, { startSeconds: start, ordinal });
}

/**
 * Searches the archive: the in-memory index ranks segment positions, then one
 * batched query fetches the page's rows (text for snippets, titles, times).
 */
export function searchSegments(args: SearchArgs): SearchResponse {
  const t0 = performance.now();
  const limit = clamp(args.limit ?? 20, 1, 50);
  const offset = clamp(args.offset ?? 0, 0, 1000);
  const index = getSearchIndex(args.ladderDb);
  const { engine } = index;
  const { store } = engine;
  const filters: SearchFilters = { topic: args.topic, guest: args.guest, show: args.show, speaker: args.speaker, kind: args.kind };
  const result = engine.search(parseQuery(args.q), { filters, limit, offset, facets: true });

  const ids = result.hits.map((h) => store.a.segmentId[h.pos]!);
  const rows = ids.length > 0 ? (hitStatement(args.ladderDb).all(JSON.stringify(ids)) as HitRow[]) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits: SearchHit[] = [];
  const docInfo = new Map<number, { slug: string; title: string }>();
  for (const h of result.hits) {
    // a row can vanish if an import commits between ranking and this read; skip it
    const r = byId.get(store.a.segmentId[h.pos]!);
    if (!r) continue;
    docInfo.set(store.a.doc[h.pos]!, { slug: r.slug, title: r.title });
    hits.push({
      documentSlug: r.slug,
      documentTitle: r.title,
      kind: r.kind,
      chapterTitle: r.chapterTitle,
      chapterGenerated: r.chapterGenerated === 1,
      speaker: r.speakerName ?? r.speakerLabel,
      startSeconds: r.start,
      estimated: r.estimated === 1,
      snippet: buildSnippet(r.text, result.highlight),
      url: hitUrl(r.slug, r.start, r.ordinal),
    });
  }
  const groups: SearchGroup[] = result.groups.flatMap((g) => {
    const info = docInfo.get(g.doc);
    return info ? [{ documentSlug: info.slug, documentTitle: info.title, count: g.count, positions: g.positions }] : [];
  });
  return {
    query: args.q,
    total: result.total,
    tookMs: Math.round((performance.now() - t0) * 100) / 100,
    fallback: result.fallback,
    hits,
    groups,
    facets: result.facets,
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.floor(n))) : lo;
}
