import { slugify } from '@/lib/slug';
import { FILTER_TOPIC_WEIGHT, TOPIC_WEIGHT } from './score';
import type { SegmentStore } from './store';
import type { ResolvedQuery } from './terms';
import { tokenize } from './tokenize';

/**
 * Topic tags in the ranking: a segment tagged with a topic the query names
 * ("PIP" names pips) moves up by how much it is about it, and so does one about
 * the topic filtered on. Keeps one byte per segment per topic (its score × 255,
 * 0 = untagged) so a boost is a single read per candidate; built for all topics
 * in one pass at load (a taxonomy is tens of topics: a few MB), or on first use
 * past 64 topics.
 */
export class TopicBoost {
  private readonly words: string[][];
  private readonly dense = new Map<number, Uint8Array>();

  constructor(private readonly store: SegmentStore) {
    this.words = store.meta.labels.topic.map((t) => [...new Set([...tokenize(t.value), ...tokenize(t.label)])]);
    if (this.words.length > 0 && this.words.length <= 64) this.build(null);
  }

  apply(r: ResolvedQuery, list: Int32Array, score: Float32Array, filterTopic: string | undefined): void {
    const words = r.groups.filter((g) => !g.stop && g.word.length >= 3).map((g) => g.word);
    const filtered = filterTopic ? this.store.meta.labels.topic.findIndex((t) => t.value === slugify(filterTopic)) : -1;
    // on the scale of the query's own words, so a tag weighs like a good match of one of them
    const weights = r.groups.filter((g) => !g.stop).map((g) => g.maxWeight);
    const scale = Math.max(1, weights.reduce((s, w) => s + w, 0) / Math.max(1, weights.length));
    this.words.forEach((tw, t) => {
      const named = tw.some((x) => words.some((w) => x.startsWith(w) || w.startsWith(x)));
      const weight = ((named ? TOPIC_WEIGHT : 0) + (t === filtered ? FILTER_TOPIC_WEIGHT : 0)) * (scale / 255);
      if (weight === 0) return;
      const dense = this.dense.get(t) ?? this.build(t);
      for (let i = 0; i < list.length; i++) {
        const p = list[i]!;
        const s = dense[p]!;
        if (s !== 0) score[p]! += weight * s;
      }
    });
  }

  private build(only: number | null): Uint8Array {
    const { topicOffsets, topicIds, topicScores } = this.store.a;
    const n = this.store.n;
    for (const t of only === null ? this.words.map((_, i) => i) : [only]) this.dense.set(t, new Uint8Array(n));
    for (let p = 0; p < n; p++) {
      for (let k = topicOffsets[p]!; k < topicOffsets[p + 1]!; k++) {
        const t = topicIds[k]!;
        if (only !== null && t !== only) continue;
        const dense = this.dense.get(t);
        if (dense) dense[p] = Math.max(1, topicScores[k]!);
      }
    }
    return this.dense.get(only ?? 0) ?? new Uint8Array(n);
  }
}
