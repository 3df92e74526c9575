import type { PhraseMatch } from './matcher';
import type { Taxonomy } from './taxonomy';

/** Words either side of a weak phrase within which a cue makes it count, or an "against" word voids it. */
export const CUE_WINDOW = 20;
export const AGAINST_WINDOW = 12;
/** Words either side of a hit that make one passage: its hits and cues add up. */
export const CLUSTER_WINDOW = 40;

export const WEIGHT = { strong: 1, weak: 0.6, cue: 0.15, maxCues: 4 } as const;
/** A lone phrase in a long turn is a passing mention, weighed down: a turn of this many words is long… */
export const LONG_TURN = 120;
/** …and its lone mention counts this much (so it needs more cues around it to be on the topic). */
export const PASSING = 0.9;

export interface Hit {
  phrase: string;
  strong: boolean;
  cued: boolean;
  from: number;
  to: number;
  start: number;
  end: number;
}

/** Why a segment is (or is not) on one topic: the phrases that counted and those set aside. */
export interface TopicEvidence {
  topic: number;
  hits: Hit[];
  cues: PhraseMatch[];
  /** phrases that matched but were another sense, or sat beside an "against" word */
  voided: { phrase: string; because: string }[];
  /** the best passage's weight counting only cued weak phrases, and counting them all */
  score: number;
  loose: number;
  /** character offset of the best passage's first hit: where a quote is cut around */
  at: number;
}

export interface SegmentScan {
  ad: string | null;
  words: number;
  topics: Map<number, TopicEvidence>;
}

const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) => a.from <= b.to && a.to >= b.from;
const near = (a: { from: number; to: number }, b: { from: number; to: number }, w: number) => b.to >= a.from - w && b.from <= a.to + w;

function clusterScore(hits: readonly Hit[], cues: readonly PhraseMatch[], center: Hit, loose: boolean, words: number): number {
  let s = 0;
  let counted = 0;
  for (const h of hits) {
    if (!near(center, h, CLUSTER_WINDOW)) continue;
    if (h.strong) s += WEIGHT.strong;
    else if (h.cued || loose) s += WEIGHT.weak;
    else continue;
    counted++;
  }
  // a cue inside a phrase ("review" in "performance review") is that phrase, not context around it
  const distinct = new Set(cues.filter((c) => near(center, c, CLUSTER_WINDOW) && !hits.some((h) => overlaps(h, c))).map((c) => c.entry.phrase));
  const total = s + WEIGHT.cue * Math.min(WEIGHT.maxCues, distinct.size);
  return counted === 1 && words > LONG_TURN ? total * PASSING : total;
}

/** Sorts a text's phrase matches into evidence per topic; pure, and the only place the rules live. */
export function evidenceOf(matches: readonly PhraseMatch[], words: number): SegmentScan {
  const ad = matches.find((m) => m.entry.role === 'ad')?.entry.phrase ?? null;
  const byTopic = new Map<number, PhraseMatch[]>();
  for (const m of matches) {
    if (m.entry.topic < 0) continue;
    const list = byTopic.get(m.entry.topic);
    if (list) list.push(m);
    else byTopic.set(m.entry.topic, [m]);
  }
  const topics = new Map<number, TopicEvidence>();
  for (const [topic, ms] of byTopic) {
    const triggers = ms.filter((m) => m.entry.role === 'strong' || m.entry.role === 'weak');
    if (triggers.length === 0) continue;
    const senses = ms.filter((m) => m.entry.role === 'sense');
    const against = ms.filter((m) => m.entry.role === 'against');
    const cues = ms.filter((m) => m.entry.role === 'cue');
    const voided: TopicEvidence['voided'] = [];
    // longest first, so "performance improvement plan" is kept over a weak "plan" inside it
    triggers.sort((a, b) => b.to - b.from - (a.to - a.from) || (a.entry.role === 'strong' ? -1 : 1));
    const hits: Hit[] = [];
    for (const m of triggers) {
      if (hits.some((h) => overlaps(h, m))) continue;
      // a sense covers the phrase ("promo code" over "promo"); a longer phrase that only touches one stands
      const sense = senses.find((s) => s.from <= m.from && s.to >= m.to);
      if (sense) {
        voided.push({ phrase: m.entry.phrase, because: `sense "${sense.entry.phrase}"` });
        continue;
      }
      const strong = m.entry.role === 'strong';
      const anti = strong ? undefined : against.find((a) => near(m, a, AGAINST_WINDOW) && !overlaps(a, m));
      if (anti) {
        voided.push({ phrase: m.entry.phrase, because: `near "${anti.entry.phrase}"` });
        continue;
      }
      const cued = strong || cues.some((c) => near(m, c, CUE_WINDOW) && !overlaps(c, m));
      hits.push({ phrase: m.entry.phrase, strong, cued, from: m.from, to: m.to, start: m.start, end: m.end });
    }
    if (hits.length === 0) {
      topics.set(topic, { topic, hits, cues, voided, score: 0, loose: 0, at: 0 });
      continue;
    }
    hits.sort((a, b) => a.from - b.from);
    let score = 0;
    let loose = 0;
    let at = hits[0]!.start;
    for (const h of hits) {
      const s = clusterScore(hits, cues, h, false, words);
      if (s > score) {
        score = s;
        at = h.start;
      }
      loose = Math.max(loose, clusterScore(hits, cues, h, true, words));
    }
    topics.set(topic, { topic, hits, cues, voided, score, loose, at });
  }
  return { ad, words, topics };
}

export function scanText(text: string, taxonomy: Taxonomy): SegmentScan {
  const { matches, words } = taxonomy.matcher.scan(text);
  return evidenceOf(matches, words);
}

/** One line per topic, for people: which phrases counted, which cues, which were set aside and why. */
export function explainScan(scan: SegmentScan, taxonomy: Taxonomy): string[] {
  const out: string[] = [];
  if (scan.ad) out.push(`ad read ("${scan.ad}"): never a quote`);
  for (const e of scan.topics.values()) {
    const slug = taxonomy.topics[e.topic]!.slug;
    const hits = e.hits.map((h) => `${h.strong ? '' : '~'}"${h.phrase}"${!h.strong && !h.cued ? ' (no cue)' : ''}`);
    const cues = [...new Set(e.cues.map((c) => c.entry.phrase))];
    const voided = e.voided.map((v) => `"${v.phrase}" (${v.because})`);
    out.push(
      `${slug} ${e.score.toFixed(2)}: ${hits.join(', ') || 'no hit'}` +
        (cues.length ? `; cues ${cues.map((c) => `"${c}"`).join(', ')}` : '') +
        (voided.length ? `; set aside ${voided.join(', ')}` : ''),
    );
  }
  return out;
}
