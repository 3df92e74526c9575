import { momentPath } from '@/lib/episode/urls';
import type { EngineOptions } from '@/lib/search/engine';
import { parseQuery } from '@/lib/search/query';
import { buildSnippet } from '@/lib/search/snippet';
import { ROLE } from '@/lib/search/store';
import type { DocumentKind, EngineResult, Facets, RankedHit, SearchFilters } from '@/lib/search/types';
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

/** Another place with the same text, folded under a hit. */
export interface SearchPlace {
  documentSlug: string;
  documentTitle: string;
  url: string;
}

export interface SearchHit {
  documentSlug: string;
  documentTitle: string;
  kind: DocumentKind;
  chapterTitle: string | null;
  /** the chapter was made by Ladder from the transcript, not given by the source */
  chapterGenerated: boolean;
  speaker: string | null;
  /** the speaker's role in this document, when known */
  role: 'guest' | 'host' | null;
  startSeconds: number | null;
  estimated: boolean;
  /** HTML: escaped text with <mark> around matched words */
  snippet: string;
  url: string;
  /** the same text elsewhere in the archive (a repeated ad read, an episode kept twice) */
  duplicates: SearchPlace[];
}

export interface SearchGroup {
  documentSlug: string;
  documentTitle: string;
  count: number;
  positions: number[];
}

export interface SearchResponse {
  query: string;
  /** matching passages (one text found in several places counts once) */
  total: number;
  /** documents those passages are in */
  documents: number;
  /** the API pages by passage: `offset` and `limit` count passages, best first */
  paging: { by: 'passage'; offset: number; limit: number };
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

export function clampPage(limit: number | undefined, offset: number | undefined): { limit: number; offset: number } {
  return { limit: clamp(limit ?? 20, 1, 50), offset: clamp(offset ?? 0, 0, 1000) };
}

/** Runs the engine on the index given (or the tools' index); null when no index is published. */
export function runEngine(args: SearchArgs, opts: Omit<EngineOptions, 'filters'>) {
  const index = args.index === undefined ? getSearchIndex(args.ladderDb) : args.index;
  if (index === null) return null;
  const filters: SearchFilters = { topic: args.topic, guest: args.guest, show: args.show, speaker: args.speaker, kind: args.kind, role: args.role };
  const result = index.engine.search(parseQuery(args.q), { ...opts, filters });
  return { result, store: index.engine.store };
}

/**
 * Turns ranked positions into hits: one batched query fetches the rows of the
 * hits and of the places folded under them (text for snippets, titles, times).
 * A row can vanish if an import commits between ranking and this read; its
 * hit is skipped.
 */
export function enrichHits(ladderDb: LadderDb, segmentIdOf: (pos: number) => number, ranked: readonly RankedHit[], result: EngineResult): (SearchHit | null)[] {
  const ids = ranked.flatMap((h) => [h.pos, ...h.folded]).map(segmentIdOf);
  const rows = ids.length > 0 ? (hitStatement(ladderDb).all(JSON.stringify(ids)) as HitRow[]) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ranked.map((h) => {
    const r = byId.get(segmentIdOf(h.pos));
    if (!r) return null;
    const duplicates = h.folded.flatMap((p) => {
      const d = byId.get(segmentIdOf(p));
      return d ? [{ documentSlug: d.slug, documentTitle: d.title, url: hitUrl(d.slug, d.start, d.ordinal) }] : [];
    });
    return {
      documentSlug: r.slug,
      documentTitle: r.title,
      kind: r.kind,
      chapterTitle: r.chapterTitle,
      chapterGenerated: r.chapterGenerated === 1,
      speaker: r.speakerName ?? r.speakerLabel,
      role: h.tiers.role === ROLE.guest ? 'guest' : h.tiers.role === ROLE.host ? 'host' : null,
      startSeconds: r.start,
      estimated: r.estimated === 1,
      snippet: buildSnippet(r.text, result.highlight),
      url: hitUrl(r.slug, r.start, r.ordinal),
      duplicates,
    };
  });
}

/**
 * Searches the archive, a page of passages at a time: the in-memory index
 * ranks segment positions, then one batched query fetches the page's rows.
 */
export function searchSegments(args: SearchArgs): SearchResponse {
  const t0 = performance.now();
  const { limit, offset } = clampPage(args.limit, args.offset);
  const run = runEngine(args, { limit, offset, facets: true });
  if (!run) return noIndexResponse(args.q, { offset, limit });
  const { result, store } = run;
  const segmentIdOf = (pos: number) => store.a.segmentId[pos]!;
  const enriched = enrichHits(args.ladderDb, segmentIdOf, result.hits, result);
  const hits: SearchHit[] = [];
  const docInfo = new Map<number, { slug: string; title: string }>();
  enriched.forEach((h, i) => {
    if (!h) return;
    hits.push(h);
    docInfo.set(store.a.doc[result.hits[i]!.pos]!, { slug: h.documentSlug, title: h.documentTitle });
  });
  const groups: SearchGroup[] = result.groups.flatMap((g) => {
    const info = docInfo.get(g.doc);
    return info ? [{ documentSlug: info.slug, documentTitle: info.title, count: g.count, positions: g.positions }] : [];
  });
  return {
    query: args.q,
    total: result.total,
    documents: result.documents,
    paging: { by: 'passage', offset, limit },
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
