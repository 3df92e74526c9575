import 'server-only';
import type { MomentQuery } from '@/lib/careers/params';
import { buildTimeline, type Timeline } from '@/lib/careers/timeline';
import { currentCareerData } from '../career-data';
import { getServerDb, readSnapshot, type LadderDb } from '../client';
import { findMoments, findPersonMoments, promotionFacets, promotionMatrix, type FacetValue, type MatrixCell, type MomentView, type MomentsResponse } from '../moments/find-moments';

export type { MatrixCell, MomentView } from '../moments/find-moments';

export interface StepView {
  step: string;
  name: string;
  track: 'ic' | 'manager';
}

export interface PromotionsPage {
  /** the steps that appear in any cell, in ladder order (engineers' track, then managers') */
  steps: StepView[];
  cells: MatrixCell[];
  facets: { company: FacetValue[]; track: FacetValue[]; took: FacetValue[] };
  stories: MomentsResponse;
}

/** The promotion matrix under the filters, and the stories of the chosen cell (all promotions when none is chosen). */
export function getPromotionsPage({ query, ladderDb = getServerDb() }: { query: Partial<MomentQuery>; ladderDb?: LadderDb }): PromotionsPage {
  const levels = currentCareerData().levels;
  return readSnapshot(ladderDb, () => {
    const cells = promotionMatrix({ ladderDb, query });
    const used = new Set(cells.flatMap((c) => [c.from, c.to]));
    const steps = levels.steps.filter((s) => used.has(s.key)).map((s) => ({ step: s.key, name: s.name, track: s.track }));
    const stories = findMoments({ ladderDb, levels, query: { ...query, kind: 'promotion', limit: query.limit ?? 60 } });
    return { steps, cells, facets: promotionFacets({ ladderDb }), stories };
  });
}

/** How many promotion stories the archive holds, for links to /promotions. */
export function countPromotionStories({ ladderDb = getServerDb() }: { ladderDb?: LadderDb } = {}): { stories: number; people: number } {
  return ladderDb.sqlite
    .prepare(`SELECT count(*) AS stories, count(DISTINCT person_id) AS people FROM career_moments WHERE kind = 'promotion'`)
    .get() as { stories: number; people: number };
}

/** A person's career as a timeline: companies as bands, moments as marks; null when Ladder knows no moment of theirs. */
export function getCareerTimeline({ slug, ladderDb = getServerDb() }: { slug: string; ladderDb?: LadderDb }): Timeline<MomentView> | null {
  const levels = currentCareerData().levels;
  return readSnapshot(ladderDb, () => {
    const moments = findPersonMoments({ ladderDb, levels, slug });
    if (moments.length === 0) return null;
    const person = ladderDb.sqlite
      .prepare(`SELECT career_start_year AS careerStartYear, current_company AS currentCompany, biggest_role AS biggestRole FROM people WHERE slug = ?`)
      .get(slug) as { careerStartYear: number | null; currentCompany: string | null; biggestRole: string | null } | undefined;
    const published = moments.map((m) => Number(m.document.publishedOn?.slice(0, 4))).filter((y) => Number.isFinite(y) && y > 0);
    const asOf = published.length ? Math.max(...published) : new Date().getFullYear();
    return buildTimeline(moments, { careerStartYear: null, currentCompany: null, biggestRole: null, ...person, asOf });
  });
}

/** The moments told in one document, in the order told. */
export function getEpisodeMoments({ slug, ladderDb = getServerDb() }: { slug: string; ladderDb?: LadderDb }): MomentView[] {
  const levels = currentCareerData().levels;
  return readSnapshot(ladderDb, () => findMoments({ ladderDb, levels, query: { episode: slug, limit: 200 } }).moments);
}
