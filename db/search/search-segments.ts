import { momentPath } from '@/lib/episode/urls';
import { parseQuery } from '@/lib/search/query';
import { buildSnippet } from '@/lib/search/snippet';
import type { DocumentKind, Facets, SearchFilters } from '@/lib/search/types';
import type { Statement } from 'better-sqlite3';
import type { LadderDb } from '../client';
import { noIndexResponse } from './no-index';
import { getSearchIndex, type LoadedIndex } from './index-store';

export interface SearchArgs extends SearchFilters {
  ladderDb: LadderDb;
  q: string;
  limit?: number;
  offset?: number;
  /**
   * The index to rank with: the server passes the one it serves (null when none
   * is published: no hits, and a note). Left out, the published one is read, or
   * one is built in memory (tools).
   */
  index?: LoadedIndex | null;
}

export interface SearchHit {
  documentSlug: string;
  documentTitle: string;
  kind: DocumentKind;
  chapterTitle: string | null;
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
  /** set when the answer did not come from the search index, saying how it was made */
  degraded?: string;
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
  slug: string;
  title: string;
  kind: DocumentKind;
}

const HIT_SQL = `SELECT s.id, s.ordinal, s.start_seconds AS start, s.estimated, s.text,
    p.name AS speakerName, s.speaker_label AS speakerLabel, c.title AS chapterTitle,
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
  const index = args.index === undefined ? getSearchIndex(args.ladderDb) : args.index;
  if (index === null) return noIndexResponse(args.q);
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
    // a row is gone when an import replaced its document after this index was built
    // (or committed between ranking and this read): ids are never reused, so skip it
    const r = byId.get(store.a.segmentId[h.pos]!);
    if (!r) continue;
    docInfo.set(store.a.doc[h.pos]!, { slug: r.slug, title: r.title });
    hits.push({
      documentSlug: r.slug,
      documentTitle: r.title,
      kind: r.kind,
      chapterTitle: r.chapterTitle,
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
