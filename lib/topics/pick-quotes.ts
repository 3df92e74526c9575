/** A tagged passage as a topic page sees it, before it becomes a quote. */
export interface QuoteCandidate {
  documentId: number;
  ordinal: number;
  chapterId: number | null;
  score: number;
  role: 'host' | 'guest' | null;
  publishedOn: string | null;
}

export type QuoteSort = 'score' | 'newest';

/** Turns this close (in segments) in one chapter are one story, told over a few turns. */
const STORY_GAP = 3;
/** How much a guest telling it outweighs a host asking about it, between two turns of one story. */
const GUEST_EDGE = 0.05;

const strength = (c: QuoteCandidate) => c.score + (c.role === 'guest' ? GUEST_EDGE : 0);

/** The strongest passage of each story: neighbouring on-topic turns of a document count once. */
export function strongestOfEachStory<T extends QuoteCandidate>(rows: readonly T[]): T[] {
  const byDoc = new Map<number, T[]>();
  for (const r of rows) byDoc.set(r.documentId, [...(byDoc.get(r.documentId) ?? []), r]);
  const out: T[] = [];
  for (const list of byDoc.values()) {
    list.sort((a, b) => a.ordinal - b.ordinal);
    let story: T[] = [];
    const close = () => {
      if (story.length > 0) out.push(story.reduce((best, r) => (strength(r) > strength(best) ? r : best)));
      story = [];
    };
    for (const r of list) {
      const last = story.at(-1);
      if (last && (r.ordinal - last.ordinal > STORY_GAP || r.chapterId !== last.chapterId)) close();
      story.push(r);
    }
    close();
  }
  return out;
}

/**
 * Page order: by how squarely on the topic (or newest first), at most `perDocument`
 * from one document until every other document has had its turn, then the rest
 * in the same order.
 */
export function orderQuotes<T extends QuoteCandidate>(rows: readonly T[], sort: QuoteSort, perDocument = 2): T[] {
  const sorted = [...rows].sort((a, b) => {
    if (sort === 'newest') {
      const byDate = (b.publishedOn ?? '').localeCompare(a.publishedOn ?? '');
      if (byDate !== 0) return byDate;
    }
    return strength(b) - strength(a) || a.documentId - b.documentId || a.ordinal - b.ordinal;
  });
  const first: T[] = [];
  const later: T[] = [];
  const taken = new Map<number, number>();
  for (const r of sorted) {
    const n = taken.get(r.documentId) ?? 0;
    if (n < perDocument) {
      first.push(r);
      taken.set(r.documentId, n + 1);
    } else later.push(r);
  }
  return [...first, ...later];
}
