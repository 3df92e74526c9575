import { ROLE } from './store';

/**
 * The ranking, as tiers compared one after another (as Meilisearch, Typesense
 * and Algolia rank), packed into one number per match so a heap can pick a
 * page without sorting everything. The default order:
 *
 *  1. words: query words matched (only differs in a partial match);
 *  2. typos: fewer words found only through a one-letter slip;
 *  3. proximity: the words adjacent and in order, then near, then apart;
 *  4. context: the chapter's title (as the source gave it) holds query words, or the passage is tagged
 *     with a topic the query names;
 *  5. whole: more words found as typed (or as another form of the same word)
 *     rather than only as the start of a longer word: "pip" puts PIP and PIPs
 *     before pipeline;
 *  6. substance: a passage of some length before a passing remark;
 *  7. band: BM25 in bands of about a fifth (a quarter of a doubling), within which
 *  8. role: a guest's answer comes before a host's question;
 *  9. BM25 itself.
 * The README (Search ranking) gives the measurements behind this order.
 */
export const TIERS = ['words', 'typos', 'proximity', 'context', 'whole', 'substance', 'band', 'role'] as const;
export type Tier = (typeof TIERS)[number];

/** Bits per tier in the packed key (53 bits hold exactly in a float64: these 27 plus 16 for BM25 itself). */
const BITS: Record<Tier, number> = { words: 4, typos: 4, proximity: 2, context: 2, whole: 4, substance: 1, band: 8, role: 2 };

export interface RankOptions {
  /** tiers from most to least significant; BM25 itself always breaks the last ties */
  order: readonly Tier[];
  /** BM25 length damping */
  b: number;
  /** a passage with fewer words than this (stopwords aside) is a passing remark for the substance tier */
  minWords: number;
  /** whether a chapter title Ladder generated (from the chapter's own rarest phrases) counts for the context tier, as a source's does */
  generatedContext: boolean;
}

/**
 * b = 0.5 rather than the textbook 0.75: turns run from one word to thousands,
 * and at 0.75 a one-line "Postgres?" outranks a monologue about Postgres.
 * minWords = 5: fewer words than that (stopwords aside) is a fragment of a
 * sentence ("Like a CI?", "SQLite, a production database."), not a passage.
 * generatedContext = false: a title Ladder made is the chapter's own rarest
 * phrase, so it says again what the text says, and as context it lifted every
 * "Right." said in that chapter over passages about the query elsewhere.
 */
export const DEFAULT_RANK: RankOptions = { order: TIERS, b: 0.5, minWords: 5, generatedContext: false };

const BANDS_PER_DOUBLING = 4;
/** guest 3, none 2, host 1, voice 0, by ROLE code */
export const ROLE_RANK = new Uint8Array(4);
ROLE_RANK[ROLE.guest] = 3;
ROLE_RANK[ROLE.none] = 2;
ROLE_RANK[ROLE.host] = 1;
ROLE_RANK[ROLE.voice] = 0;

export function bm25Band(score: number): number {
  const b = Math.floor(Math.log2(1 + Math.max(0, score)) * BANDS_PER_DOUBLING);
  return b < 255 ? b : 255;
}

// bands of scores below 64, looked up at 1/64 resolution (a logarithm per match cost more than the rest of its key)
const BAND_STEPS = 64;
const BAND_TABLE = Uint8Array.from({ length: 64 * BAND_STEPS }, (_, i) => bm25Band(i / BAND_STEPS));

export function bandOf(score: number): number {
  return score < 64 ? BAND_TABLE[(score * BAND_STEPS) | 0]! : bm25Band(score);
}

/** The tier values of one match, each the larger the better. */
export interface TierValues {
  words: number;
  /** 15 − typos */
  typos: number;
  /** 3 − proximity bucket */
  proximity: number;
  context: number;
  whole: number;
  substance: number;
  band: number;
  /** ROLE_RANK of the role */
  role: number;
}

function fine(score: number): number {
  return score > 0 ? (score < 65.535 ? (score * 1000 + 0.5) | 0 : 65535) : 0;
}

// module constants rather than imported bindings in the per-match function below (see rank.ts)
const ROLE_RANK_OF = ROLE_RANK;

/** The default order, written out: this runs once per match of every search. */
export function defaultKey(words: number, typos: number, proximity: number, context: number, whole: number, substance: number, role: number, score: number): number {
  const t = (((((words < 15 ? words : 15) * 16 + 15 - (typos < 15 ? typos : 15)) * 4 + 3 - proximity) * 4 + context) * 16 + (whole < 15 ? whole : 15)) * 2 + substance;
  const band = score < 64 ? BAND_TABLE[(score * BAND_STEPS) | 0]! : bm25Band(score);
  const f = score > 0 ? (score < 65.535 ? (score * 1000 + 0.5) | 0 : 65535) : 0;
  return ((t * 256 + band) * 4 + ROLE_RANK_OF[role]!) * 65536 + f;
}

/** Any order (for measuring alternatives): the same packing, tier by tier. */
export function keyInOrder(order: readonly Tier[], v: TierValues, score: number): number {
  let k = 0;
  for (const t of order) k = k * 2 ** BITS[t] + Math.min(v[t], 2 ** BITS[t] - 1);
  return k * 65536 + fine(score);
}

export function isDefaultOrder(order: readonly Tier[]): boolean {
  return order.length === TIERS.length && order.every((t, i) => t === TIERS[i]);
}
