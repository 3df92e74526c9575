/**
 * How much of one thing one document may hold. Each figure is several times the
 * largest found in the real archives (../shared/real/changelog, 657 episodes,
 * and ../shared/corpus; README, "Limits"), so no real transcript comes near
 * one, while a file that does is refused or cut at import with a message, never
 * stored as one 15 MB row or 200,000 chapters that every page and search then pays for.
 */
export const LIMITS = {
  /** longest real title: 77 characters */
  titleChars: 300,
  /** longest real person or speaker name: 24 characters */
  nameChars: 100,
  /** longest real description: 500 characters */
  descriptionChars: 5_000,
  /** longest real summary: 11,682 characters */
  summaryChars: 50_000,
  /** longest real chapter title: 45 characters */
  chapterTitleChars: 300,
  mediaUrlChars: 2_000,
  /** longest real turn: 12,162 characters; a longer one is split at paragraph or sentence ends */
  segmentChars: 50_000,
  /** most turns in a real episode: 1,286 */
  segments: 20_000,
  /** most chapters in a real episode: 21 (people write one every few minutes: 2,000 is one a minute for 33 hours) */
  chapters: 2_000,
  /** most people in a real episode: 22 (a listener-call show; interviews have 2 to 5) */
  people: 100,
  /** most distinct speaker labels in a real episode: 22 */
  speakers: 500,
  /** warnings kept per document (one per broken turn adds up); the rest are counted */
  warnings: 200,
} as const;

/** A front-matter block or a meta.yaml sidecar larger than this is not metadata (YAML parses at about 1 MB/s). */
export const MAX_FRONT_MATTER_CHARS = 1_000_000;
export const MAX_META_SIDECAR_BYTES = 1_000_000;
/** Podcasting 2.0 chapters at LIMITS.chapters with images and URLs stay well under this. */
export const MAX_CHAPTERS_SIDECAR_BYTES = 4_000_000;
