import type { SegmentKind, SpeakerRole } from '../ingest/types';
import { scanText, type SegmentScan } from './evidence';
import type { Taxonomy } from './taxonomy';

export interface TopicScore {
  slug: string;
  score: number;
}

export type { SpeakerRole };

export interface TaggableSegment {
  text: string;
  /** only speech is ever on a topic: breaks, ad reads and sound labels never are */
  kind?: SegmentKind;
  /** who speaks, when the importer knows; a guest's story outweighs a host's question */
  role?: SpeakerRole | null;
  chapter: number | null;
}

export interface DocumentTopic extends TopicScore {
  /** on-topic segments, and whether a chapter is about it */
  segments: number;
  chapter: boolean;
}

export interface DocumentTags {
  segments: TopicScore[][];
  chapters: TopicScore[][];
  /** the topics this document is really on; segments keep a topic only when their document is on it */
  document: DocumentTopic[];
}

/** A passage is on a topic at this weight: a strong phrase with a cue, or weak phrases with cues. */
export const SEGMENT_ON = 1.1;
const ROLE_FACTOR: Record<SpeakerRole | 'unknown', number> = { guest: 1, unknown: 0.9, host: 0.75, voice: 0.4, pseudo: 0 };
const CHAPTER_BONUS = 0.5;
const STORY_BONUS = 0.15;
const STORY_REACH = 3;
/** a document is on a topic with this many on-topic segments (or a chapter about it)… */
const DOC_MIN_SEGMENTS = 3;
/** …or two, when it is short (a brief, an article) */
const SHORT_DOC_SEGMENTS = 40;

const round = (n: number) => Math.round(n * 1000) / 1000;
/** Weights are open-ended; stored scores are in (0, 1) so pages and search can compare them. */
export const toScore = (raw: number) => round(1 - Math.exp(-raw / 2));

function roleFactor(role: SpeakerRole | null | undefined): number {
  return ROLE_FACTOR[role ?? 'unknown'];
}

interface ChapterVerdict {
  about: boolean;
  score: number;
}

function judgeChapter(titleScan: SegmentScan, topic: number, members: readonly number[], raw: readonly Map<number, number>[]): ChapterVerdict {
  const title = titleScan.topics.get(topic);
  const on = members.filter((i) => (raw[i]?.get(topic) ?? 0) >= SEGMENT_ON).length;
  const share = members.length > 0 ? on / members.length : 0;
  // a title names the topic with a strong phrase, or a weak one that its own words or its passages back up
  const titled = !!title && title.hits.length > 0 && (title.hits.some((h) => h.strong || h.cued) || on > 0);
  const about = titled || on >= 3 || (on >= 2 && share >= 1 / 3);
  return { about, score: about ? round(Math.min(1, (titled ? 0.6 : 0) + 0.4 * share + 0.02 * Math.min(on, 10))) : 0 };
}

/**
 * Topics for one document: every segment scanned once for all topics, then
 * context applied — the speaker's role, the chapter the segment sits in, the
 * neighbouring turns of the same story — and finally the document gate: a
 * document is on a topic with several on-topic segments or a chapter about it,
 * and a stray mention elsewhere tags nothing.
 */
export function tagDocument(input: { segments: readonly TaggableSegment[]; chapters: readonly { title: string }[] }, taxonomy: Taxonomy): DocumentTags {
  const n = input.segments.length;
  const scans: (SegmentScan | null)[] = input.segments.map((s) => ((s.kind ?? 'speech') === 'speech' ? scanText(s.text, taxonomy) : null));
  const raw: Map<number, number>[] = scans.map((scan, i) => {
    const m = new Map<number, number>();
    if (!scan || scan.ad) return m;
    const f = roleFactor(input.segments[i]!.role);
    for (const e of scan.topics.values()) if (e.score > 0) m.set(e.topic, e.score * f);
    return m;
  });
  const members: number[][] = input.chapters.map(() => []);
  input.segments.forEach((s, i) => {
    if (s.chapter !== null && members[s.chapter]) members[s.chapter]!.push(i);
  });
  const chapterTags: TopicScore[][] = input.chapters.map(() => []);
  const aboutChapter = new Set<string>();
  input.chapters.forEach((c, ci) => {
    const titleScan = scanText(c.title, taxonomy);
    taxonomy.topics.forEach((t, ti) => {
      const v = judgeChapter(titleScan, ti, members[ci]!, raw);
      if (!v.about) return;
      chapterTags[ci]!.push({ slug: t.slug, score: v.score });
      aboutChapter.add(`${ci}:${ti}`);
    });
  });
  // inside a chapter about the topic, a weak phrase needs no other cue: the chapter is one
  const boosted: Map<number, number>[] = raw.map((m, i) => {
    const s = input.segments[i]!;
    const out = new Map(m);
    const scan = scans[i];
    if (!scan || scan.ad || s.chapter === null) return out;
    for (const e of scan.topics.values()) {
      if (e.loose > 0 && aboutChapter.has(`${s.chapter}:${e.topic}`)) {
        out.set(e.topic, Math.max(out.get(e.topic) ?? 0, e.loose * roleFactor(s.role)) + CHAPTER_BONUS);
      }
    }
    return out;
  });
  // a turn inside a longer exchange on the topic is part of a story, not a stray mention
  const final: Map<number, number>[] = boosted.map((m, i) => {
    const out = new Map<number, number>();
    for (const [topic, w] of m) {
      let story = 0;
      for (let j = Math.max(0, i - STORY_REACH); j <= Math.min(n - 1, i + STORY_REACH); j++) {
        if (j !== i && (boosted[j]!.get(topic) ?? 0) >= SEGMENT_ON) story++;
      }
      out.set(topic, w + STORY_BONUS * story);
    }
    return out;
  });
  const speech = scans.filter(Boolean).length;
  const document: DocumentTopic[] = [];
  const keep = new Set<number>();
  taxonomy.topics.forEach((t, ti) => {
    const on = final.map((m) => m.get(ti) ?? 0).filter((w) => w >= SEGMENT_ON).sort((a, b) => b - a);
    const chapter = chapterTags.some((tags) => tags.some((x) => x.slug === t.slug));
    const enough = on.length >= DOC_MIN_SEGMENTS || (on.length >= 2 && speech <= SHORT_DOC_SEGMENTS);
    if (!chapter && !enough) return;
    keep.add(ti);
    const top = on.slice(0, 5).reduce((s, w) => s + toScore(w), 0) / 5;
    document.push({ slug: t.slug, score: round(Math.min(1, top + (chapter ? 0.2 : 0))), segments: on.length, chapter });
  });
  const segments = final.map((m) => {
    const tags: TopicScore[] = [];
    for (const [ti, w] of m) if (w >= SEGMENT_ON && keep.has(ti)) tags.push({ slug: taxonomy.topics[ti]!.slug, score: toScore(w) });
    return tags.sort((a, b) => b.score - a.score);
  });
  return { segments, chapters: chapterTags.map((t) => t.sort((a, b) => b.score - a.score)), document: document.sort((a, b) => b.score - a.score) };
}
