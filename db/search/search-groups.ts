import type { Facets } from '@/lib/search/types';
import { noIndexGroups } from './no-index';
import { enrichHits, runEngine, type SearchArgs, type SearchHit } from './search-segments';

export interface EpisodeGroup {
  documentSlug: string;
  documentTitle: string;
  /** matches in this document */
  count: number;
  /** start seconds of all its matches, in order */
  positions: number[];
  /** its best matches, best first */
  hits: SearchHit[];
}

export interface EpisodeGroupResponse {
  query: string;
  /** matching passages (one text found in several places counts once) */
  total: number;
  /** documents those passages are in: what the pages go through */
  documents: number;
  /** 1-based page, pages of `perPage` documents */
  page: number;
  perPage: number;
  pageCount: number;
  tookMs: number;
  fallback: boolean;
  groups: EpisodeGroup[];
  facets: Facets;
  /** set when no search index is published: no results, and why */
  degraded?: string;
}

export interface GroupArgs extends Omit<SearchArgs, 'limit' | 'offset'> {
  page?: number;
  perPage?: number;
  hitsPerGroup?: number;
}

export const MAX_GROUP_PAGE = 1000;

/**
 * The search page's view: documents ranked by their best match, a page of
 * documents at a time, each with its best few matches. Every document is on
 * exactly one page and the order does not depend on the page, so paging
 * through never shows an episode twice (passage paging, as the API does it,
 * would bring the same episode back on page after page).
 */
export function searchEpisodeGroups(args: GroupArgs): EpisodeGroupResponse {
  const t0 = performance.now();
  const perPage = Math.min(50, Math.max(1, Math.floor(args.perPage ?? 10)));
  const page = Math.min(MAX_GROUP_PAGE, Math.max(1, Math.floor(args.page ?? 1) || 1));
  const hitsPerGroup = Math.min(10, Math.max(1, Math.floor(args.hitsPerGroup ?? 3)));
  const run = runEngine(args, { limit: perPage, offset: (page - 1) * perPage, facets: true, byDocument: { perGroup: hitsPerGroup } });
  if (!run) return noIndexGroups(args.q, page, perPage);
  const { result, store } = run;
  const segmentIdOf = (pos: number) => store.a.segmentId[pos]!;
  // the engine lists every group's hits in result.hits, group after group: one query fetches them all
  const all = enrichHits(args.ladderDb, segmentIdOf, result.hits, result);
  const groups: EpisodeGroup[] = [];
  let at = 0;
  for (const g of result.groups) {
    const hits = all.slice(at, (at += g.hits.length)).filter((h): h is SearchHit => h !== null);
    const first = hits[0];
    if (!first) continue;
    groups.push({ documentSlug: first.documentSlug, documentTitle: first.documentTitle, count: g.count, positions: g.positions, hits });
  }
  return {
    query: args.q,
    total: result.total,
    documents: result.documents,
    page,
    perPage,
    pageCount: Math.ceil(result.documents / perPage),
    tookMs: Math.round((performance.now() - t0) * 100) / 100,
    fallback: result.fallback,
    groups,
    facets: result.facets,
  };
}
