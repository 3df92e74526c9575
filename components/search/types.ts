/** The search contract of issue 6 as the UI reads it: the engine's own types, not a copy. */
export type { Facet as SearchFacet } from '@/lib/search/types';
export type { SearchGroup as SearchGroupView, SearchHit as SearchHitView, SearchResponse as SearchResultView } from '@/db/search/search-segments';
export type { EpisodeGroup as EpisodeGroupView, EpisodeGroupResponse as EpisodeGroupsView } from '@/db/search/search-groups';
