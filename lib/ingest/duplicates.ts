/**
 * The same episode in two files: the same media (a YouTube video however its
 * URL is written, or the same address) or nearly the same text. The first one
 * imported is the document; later ones are reported as its duplicates.
 */
import { bareHost, parseHttpUrl, youtubeVideo } from '../text/media-url';
import { sketchSimilarity } from './fingerprint';

export interface DuplicateCandidate {
  id: string;
  mediaUrl: string | null;
  sketch: readonly number[];
  /** what the source says the episode is; two files that say different things are two episodes */
  identity?: { title: string | null; episode: number | null; guests: readonly string[] };
}

export interface DuplicateMatch {
  of: string;
  reason: string;
}

/** Texts this alike are one episode (re-exports and re-transcriptions score 0.85–1; different episodes of one show under 0.1). */
export const SAME_TEXT = 0.8;
const MIN_SKETCH = 16;

/** One key per piece of media: a YouTube video id, else the URL without scheme, www, query noise or trailing slash. */
export function mediaKey(url: string | null | undefined): string | null {
  const u = parseHttpUrl(url);
  if (!u) return null;
  // any id names one video here, well-formed or not: a key, never a link
  const yt = youtubeVideo(u);
  if (yt) return `youtube:${yt}`;
  return `${bareHost(u)}${u.pathname.replace(/\/+$/, '')}`;
}

export class DuplicateFinder {
  private readonly byMedia = new Map<string, string>();
  private readonly byHash = new Map<number, string[]>();
  private readonly sketches = new Map<string, readonly number[]>();
  private readonly identities = new Map<string, DuplicateCandidate['identity']>();

  constructor(existing: Iterable<DuplicateCandidate> = []) {
    for (const c of existing) this.add(c);
  }

  find(doc: DuplicateCandidate): DuplicateMatch | null {
    const media = mediaKey(doc.mediaUrl);
    const sameMedia = media ? this.byMedia.get(media) : undefined;
    if (sameMedia !== undefined && sameMedia !== doc.id) return { of: sameMedia, reason: 'the same media URL' };
    if (doc.sketch.length < MIN_SKETCH) return null;
    // candidates share sketch values; a true copy shares most of them
    const shared = new Map<string, number>();
    for (const h of doc.sketch) for (const id of this.byHash.get(h) ?? []) if (id !== doc.id) shared.set(id, (shared.get(id) ?? 0) + 1);
    let best: DuplicateMatch | null = null;
    let bestScore = SAME_TEXT;
    for (const [id, n] of shared) {
      if (n < doc.sketch.length * SAME_TEXT * 0.5 || differentEpisodes(doc.identity, this.identities.get(id))) continue;
      const score = sketchSimilarity(doc.sketch, this.sketches.get(id)!);
      if (score >= bestScore) [best, bestScore] = [{ of: id, reason: `${Math.round(score * 100)}% the same text` }, score];
    }
    return best;
  }

  add(doc: DuplicateCandidate): void {
    const media = mediaKey(doc.mediaUrl);
    if (media && !this.byMedia.has(media)) this.byMedia.set(media, doc.id);
    if (doc.sketch.length < MIN_SKETCH) return;
    this.sketches.set(doc.id, doc.sketch);
    this.identities.set(doc.id, doc.identity);
    for (const h of doc.sketch) {
      const list = this.byHash.get(h) ?? [];
      list.push(doc.id);
      this.byHash.set(h, list);
    }
  }
}

const words = (t: string) => new Set(t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));

/**
 * Text alone is not enough when both files say who they are and disagree: other
 * episode numbers, other guests, or titles with little in common.
 */
function differentEpisodes(a: DuplicateCandidate['identity'], b: DuplicateCandidate['identity']): boolean {
  if (!a || !b) return false;
  if (a.episode !== null && b.episode !== null && a.episode !== b.episode) return true;
  if (a.guests.length > 0 && b.guests.length > 0) {
    const theirs = new Set(b.guests.map((g) => g.toLowerCase()));
    if (!a.guests.some((g) => theirs.has(g.toLowerCase()))) return true;
  }
  if (a.title && b.title) {
    const [x, y] = [words(a.title), words(b.title)];
    const shared = [...x].filter((w) => y.has(w)).length;
    if (shared * 2 < Math.min(x.size, y.size)) return true;
  }
  return false;
}
