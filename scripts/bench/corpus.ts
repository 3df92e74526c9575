/**
 * Deterministic synthetic archive for the benchmark: a Zipf-distributed vocabulary
 * (English function words first, then career terms mixed into made-up words),
 * episodes of ~300 segments in chapters, a few briefs without times, and phrases
 * planted at known places with decoys (the same words in another order) elsewhere,
 * so phrase search is checked for recall and precision.
 */

import { CAREER_TERMS, FIRST, FUNCTION_WORDS, LAST, PLANTED_PHRASES, SHOWS } from './words';

export { PLANTED_PHRASES, TOPICS } from './words';

export function rng(seed: number): () => number {
  // mulberry32: small, fast, and the same sequence on every machine
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'qu', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'x', 'nd', 'st'];

export interface Vocabulary {
  /** words by Zipf rank (0 = most frequent) */
  words: string[];
  /** cumulative distribution over ranks, for sampling */
  cdf: Float64Array;
}

export function makeVocabulary(size: number, seed: number): Vocabulary {
  const r = rng(seed);
  const taken = new Set<string>([...FUNCTION_WORDS, ...CAREER_TERMS]);
  const words = [...FUNCTION_WORDS];
  let career = 0;
  while (words.length < size) {
    // career terms sit among the frequent content words, one in every six ranks
    if (career < CAREER_TERMS.length && words.length % 6 === 0) {
      words.push(CAREER_TERMS[career++]!);
      continue;
    }
    const syllables = 1 + Math.floor(r() * 3);
    let w = '';
    for (let s = 0; s < syllables; s++) w += pick(r, ONSETS) + pick(r, VOWELS) + (s === syllables - 1 ? pick(r, CODAS) : '');
    if (taken.has(w)) continue;
    taken.add(w);
    words.push(w);
  }
  const cdf = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i++) cdf[i] = sum += 1 / Math.pow(i + 1, 1.02);
  for (let i = 0; i < cdf.length; i++) cdf[i]! /= sum;
  return { words, cdf };
}

export function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!;
}

export function sampleWord(r: () => number, v: Vocabulary): string {
  const x = r();
  let lo = 0;
  let hi = v.cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.cdf[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo]!;
}

export interface SynthSegment {
  speaker: 'host' | 'guest';
  startSeconds: number | null;
  text: string;
}
export interface SynthChapter {
  title: string;
  startSeconds: number | null;
  segments: SynthSegment[];
}
export interface SynthDocument {
  n: number;
  kind: 'episode' | 'brief';
  title: string;
  show: string;
  host: string;
  guest: string;
  publishedOn: string;
  chapters: SynthChapter[];
}
export interface Plant {
  phrase: string;
  doc: number;
  /** 0-based segment ordinal within the document */
  ordinal: number;
}

/**
 * Generates documents one at a time (the 1,000-episode corpus never sits in memory
 * whole). Plants are decided up front so the caller knows where every phrase went.
 */
export function planCorpus(episodes: number, seed: number): { plants: Plant[]; vocabulary: Vocabulary } {
  const r = rng(seed ^ 0x5eed);
  const plants: Plant[] = [];
  for (const phrase of PLANTED_PHRASES) {
    const times = 3 + Math.floor(r() * 8); // 3..10 places, so all fit in a top-10
    const used = new Set<string>();
    while (used.size < times) {
      const doc = Math.floor(r() * episodes);
      if (doc % 20 === 19) continue; // briefs are too short to hold a plant at any ordinal
      const ordinal = Math.floor(r() * 240);
      const key = `${doc}:${ordinal}`;
      if (used.has(key) || plants.some((p) => p.doc === doc && p.ordinal === ordinal)) continue;
      used.add(key);
      plants.push({ phrase, doc, ordinal });
    }
  }
  return { plants, vocabulary: makeVocabulary(40_000, seed) };
}

export function* generateCorpus(episodes: number, seed: number, plan: ReturnType<typeof planCorpus>): Generator<SynthDocument> {
  const { vocabulary, plants } = plan;
  const byDoc = new Map<number, Map<number, string>>();
  for (const p of plants) {
    const m = byDoc.get(p.doc) ?? new Map<number, string>();
    m.set(p.ordinal, p.phrase);
    byDoc.set(p.doc, m);
  }
  for (let n = 0; n < episodes; n++) {
    const r = rng(seed * 7919 + n);
    // one document in twenty is a brief: paragraphs, no speakers' times
    const kind = n % 20 === 19 ? 'brief' : 'episode';
    const [show, host] = SHOWS[n % SHOWS.length]!;
    const guest = `${pick(r, FIRST)} ${pick(r, LAST)}`;
    const planted = byDoc.get(n);
    const segmentCount = kind === 'brief' ? 12 + Math.floor(r() * 10) : 260 + Math.floor(r() * 80);
    const chapterCount = kind === 'brief' ? 1 : 10 + Math.floor(r() * 5);
    const perChapter = Math.ceil(segmentCount / chapterCount);
    const chapters: SynthChapter[] = [];
    let t = 30;
    for (let i = 0; i < segmentCount; i++) {
      if (i % perChapter === 0) {
        const words = Array.from({ length: 2 + Math.floor(r() * 4) }, () => (r() < 0.6 ? pick(r, CAREER_TERMS) : sampleWord(r, vocabulary)));
        chapters.push({ title: capitalize(words.join(' ')), startSeconds: kind === 'brief' ? null : t, segments: [] });
      }
      let text = sentence(r, vocabulary, segmentLength(r));
      const phrase = planted?.get(i);
      if (phrase) text = insertAt(r, text, phrase);
      else if (r() < 0.004) text = insertAt(r, text, decoy(r));
      const words = text.split(' ').length;
      chapters[chapters.length - 1]!.segments.push({ speaker: i % 3 === 0 ? 'host' : 'guest', startSeconds: kind === 'brief' ? null : t, text });
      t += Math.max(3, Math.round(words * 0.38));
    }
    const day = 1 + (n % 28);
    const month = 1 + (Math.floor(n / 28) % 12);
    const title = capitalize(`${pick(r, CAREER_TERMS)} to ${pick(r, CAREER_TERMS)} at ${pick(r, ['Meta', 'Google', 'Amazon', 'Stripe', 'a startup'])} (${guest})`);
    yield { n, kind, title, show, host, guest, publishedOn: `20${20 + (n % 6)}-${pad(month)}-${pad(day)}`, chapters };
  }
}

function segmentLength(r: () => number): number {
  // mostly short turns, some long monologues: ~45 words on average
  const x = -Math.log(1 - r()) * 38 + 6;
  return Math.min(260, Math.round(x));
}

function sentence(r: () => number, v: Vocabulary, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(sampleWord(r, v));
  let s = out.join(' ');
  s = s.charAt(0).toUpperCase() + s.slice(1);
  return s + '.';
}

function insertAt(r: () => number, text: string, phrase: string): string {
  const words = text.split(' ');
  const at = Math.floor(r() * words.length);
  words.splice(at, 0, phrase);
  return words.join(' ');
}

/** A planted phrase's words in another order: AND finds it, a phrase search must not. */
function decoy(r: () => number): string {
  const words = pick(r, PLANTED_PHRASES).split(' ');
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  const out = words.join(' ');
  // a shuffle that lands on the original order would be a real occurrence, not a decoy
  return PLANTED_PHRASES.includes(out) ? words.reverse().join(' ') : out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
