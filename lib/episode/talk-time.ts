export interface SpokenSegment {
  speaker: string | null;
  speakerSlug: string | null;
  startSeconds: number | null;
  text: string;
}

export interface TalkShare {
  /** null for turns nobody is named for */
  name: string | null;
  slug: string | null;
  amount: number;
  share: number;
}

export interface TalkTime {
  /** seconds when the document is timed, words otherwise (articles, briefs) */
  measure: 'seconds' | 'words';
  shares: TalkShare[];
  /** true when at least one turn has a named speaker */
  attributed: boolean;
}

const WORDS_PER_SECOND = 2.5;

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Each speaker's share of the talking: a turn lasts until the next turn starts
 * (the last one until the end, or its spoken length when the end is unknown).
 * Untimed documents fall back to word counts, which is the same picture.
 */
export function talkTimeShares(segments: readonly SpokenSegment[], endSeconds: number | null): TalkTime {
  const timed = segments.filter((s) => s.startSeconds !== null);
  const measure = timed.length > 0 && timed.length === segments.length ? 'seconds' : 'words';
  const amounts = new Map<string, { name: string | null; slug: string | null; amount: number }>();
  segments.forEach((s, i) => {
    let amount: number;
    if (measure === 'seconds') {
      const start = s.startSeconds!;
      const next = segments[i + 1]?.startSeconds;
      const end = next ?? Math.max(endSeconds ?? 0, start + words(s.text) / WORDS_PER_SECOND);
      amount = Math.max(0, end - start);
    } else {
      amount = words(s.text);
    }
    const key = s.speakerSlug ?? (s.speaker ? `label:${s.speaker}` : 'none');
    const entry = amounts.get(key) ?? { name: s.speaker, slug: s.speakerSlug, amount: 0 };
    entry.amount += amount;
    amounts.set(key, entry);
  });
  const total = [...amounts.values()].reduce((sum, e) => sum + e.amount, 0);
  const shares = [...amounts.values()]
    .map((e) => ({ ...e, share: total > 0 ? e.amount / total : 0 }))
    .sort((a, b) => b.amount - a.amount);
  return { measure, shares, attributed: shares.some((s) => s.name !== null) };
}
