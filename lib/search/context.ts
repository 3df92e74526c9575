import { slugify } from '../slug';
import type { SegmentStore } from './store';
import type { ResolvedQuery } from './terms';
import { STOPWORDS, tokenize } from './tokenize';

/** The context tier counts at most this much (two title words and a topic, say). */
const MAX_CONTEXT = 3;

/**
 * Where a passage stands, for the context tier: how many of the query's words
 * the title of its chapter holds, plus one when it is tagged with a topic the
 * query names ("PIP" names PIPs, "performance reviews" names Performance
 * reviews). Topic tags are kept as one byte per segment per topic (its score
 * × 255, 0 = untagged), built at load for a taxonomy of up to 64 topics, and
 * on first use beyond that.
 */
export class Context {
  private readonly topicWords: string[][][];
  private readonly dense = new Map<number, Uint8Array>();
  /** per chapter (index + 1, so "no chapter" is 0), how many of the prepared query's words its title holds, at most MAX_CONTEXT */
  readonly chapterContext: Uint8Array;
  private readonly chapterWord: Int32Array;
  private stamp = 0;
  private touched: number[] = [];
  /** the topics the prepared query names, as per-segment strengths */
  named: Uint8Array[] = [];
  /** the filtered topic's strength per segment (0–255), null without a topic filter */
  filtered: Uint8Array | null = null;

  /** chapters whose titles do not count (Ladder's own, when the ranking says so) */
  private readonly ignored: Uint8Array;

  constructor(
    private readonly store: SegmentStore,
    generatedContext = true,
  ) {
    this.ignored = new Uint8Array(store.meta.chapterTitles.length);
    if (!generatedContext) for (const c of store.meta.generatedChapters ?? []) this.ignored[c] = 1;
    // a topic is named by its name's words or its slug's (either set, all of it)
    this.topicWords = store.meta.labels.topic.map((t) => [content(t.label), content(t.value)].filter((w) => w.length > 0));
    this.chapterContext = new Uint8Array(store.meta.chapterTitles.length + 1);
    this.chapterWord = new Int32Array(store.meta.chapterTitles.length);
    if (this.topicWords.length > 0 && this.topicWords.length <= 64) this.build(null);
  }

  /** Prepares a query (and the topic filter, whose strongest segments come first among equals). */
  prepare(r: ResolvedQuery, filterTopic: string | undefined): void {
    const { chapterContext, chapterWord } = this;
    for (const c of this.touched) chapterContext[c + 1] = 0;
    this.touched = [];
    const { chapterOwners } = this.store;
    for (const g of r.groups.slice(0, r.typed)) {
      if (g.stop) continue;
      const G = ++this.stamp;
      for (const t of g.terms) {
        for (let k = chapterOwners.start[t.id]!; k < chapterOwners.start[t.id + 1]!; k++) {
          const c = chapterOwners.list[k]!;
          if (chapterWord[c] === G || this.ignored[c] === 1) continue;
          chapterWord[c] = G;
          if (chapterContext[c + 1] === 0) this.touched.push(c);
          if (chapterContext[c + 1]! < MAX_CONTEXT) chapterContext[c + 1]!++;
        }
      }
    }
    const words = r.groups.filter((g) => !g.stop).map((g) => g.word);
    this.named = [];
    this.topicWords.forEach((sets, t) => {
      if (sets.some((set) => set.every((x) => words.some((w) => sameWord(w, x))))) this.named.push(this.topic(t));
    });
    const f = filterTopic ? this.store.meta.labels.topic.findIndex((t) => t.value === slugify(filterTopic)) : -1;
    this.filtered = f >= 0 ? this.topic(f) : null;
  }

  /** Can any segment have context for the prepared query (a chapter title or a topic it names)? */
  active(): boolean {
    return this.touched.length > 0 || this.named.length > 0;
  }

  /** The context tier of segment p for the prepared query. */
  of(p: number): number {
    let n = this.chapterContext[this.store.a.chapter[p]! + 1]!;
    for (const d of this.named) {
      if (d[p] !== 0) {
        n++;
        break;
      }
    }
    return n < MAX_CONTEXT ? n : MAX_CONTEXT;
  }

  private topic(t: number): Uint8Array {
    return this.dense.get(t) ?? this.build(t);
  }

  private build(only: number | null): Uint8Array {
    const { topicOffsets, topicIds, topicScores } = this.store.a;
    const n = this.store.n;
    for (const t of only === null ? this.topicWords.map((_, i) => i) : [only]) this.dense.set(t, new Uint8Array(n));
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

function content(text: string): string[] {
  return tokenize(text).filter((w) => !STOPWORDS.has(w));
}

/** The same word, give or take an ending: equal, or one starts the other and has three letters or more ("pip", "pips"). */
function sameWord(query: string, topicWord: string): boolean {
  if (query === topicWord) return true;
  const short = query.length < topicWord.length ? query : topicWord;
  return short.length >= 3 && (topicWord.startsWith(query) || query.startsWith(topicWord));
}
