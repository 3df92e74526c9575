import type { CompiledTopic } from './taxonomy';

export interface TopicScore {
  slug: string;
  score: number;
}

export function countMatches(topic: CompiledTopic, text: string): number {
  topic.matcher.lastIndex = 0;
  let n = 0;
  while (topic.matcher.exec(text) !== null) n++;
  return n;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * A segment is about a topic when it names it; the score grows with the number of
 * hits and is damped by length, so one stray mention in a long monologue ranks
 * below a short quote that is squarely on the topic. Scores are in (0, 1].
 */
export function tagSegment(text: string, taxonomy: readonly CompiledTopic[]): TopicScore[] {
  const words = Math.max(1, wordCount(text));
  const out: TopicScore[] = [];
  for (const topic of taxonomy) {
    const hits = countMatches(topic, text);
    if (hits === 0) continue;
    const density = hits / Math.sqrt(words / 40 + 1);
    out.push({ slug: topic.slug, score: round(1 - Math.exp(-density)) });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * A chapter is about a topic when its title names it, or when the topic keeps
 * coming up in its text (at least three hits, or hits in a third of its segments):
 * a single passing mention does not make a chapter "about" something.
 */
export function tagChapter(
  title: string,
  segmentTexts: readonly string[],
  taxonomy: readonly CompiledTopic[],
): TopicScore[] {
  const out: TopicScore[] = [];
  for (const topic of taxonomy) {
    const titleHits = countMatches(topic, title);
    let bodyHits = 0;
    let segmentsWithHits = 0;
    for (const text of segmentTexts) {
      const n = countMatches(topic, text);
      bodyHits += n;
      if (n > 0) segmentsWithHits++;
    }
    const share = segmentTexts.length > 0 ? segmentsWithHits / segmentTexts.length : 0;
    const onTopic = titleHits > 0 || bodyHits >= 3 || (bodyHits >= 1 && share >= 1 / 3);
    if (!onTopic) continue;
    const score = Math.min(1, (titleHits > 0 ? 0.6 : 0) + 0.4 * share + 0.02 * Math.min(bodyHits, 10));
    out.push({ slug: topic.slug, score: round(score) });
  }
  return out.sort((a, b) => b.score - a.score);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
