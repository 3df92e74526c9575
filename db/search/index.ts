/** The search engine's SQLite side: what pages, the API, the CLI and the importer use. */
export { searchSegments, hitUrl, type SearchArgs, type SearchHit, type SearchGroup, type SearchResponse } from './search-segments';
export { getSearchIndex, getServingIndex, servingVersion, clearSearchIndexCache, type LoadedIndex } from './index-store';
export { searchEpisodeGroups, type EpisodeGroup, type EpisodeGroupResponse } from './search-groups';
