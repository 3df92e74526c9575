import { isYoutubeHost, parseHttpUrl } from '../text/media-url';
/** Links into Ladder and out to the media, in one place so every page agrees on them. */

export interface Moment {
  ordinal: number;
  startSeconds: number | null;
}

export function episodePath(slug: string): string {
  return `/episodes/${encodeURIComponent(slug)}`;
}

export function segmentAnchor(ordinal: number): string {
  return `seg-${ordinal}`;
}

/**
 * The page link to one moment: `?t=SECONDS` when the document has times (the
 * server then highlights the sentence covering that second), the segment's
 * anchor when it has none (briefs, articles; in a long text the page fetches
 * the part that holds it).
 */
export function momentPath(slug: string, moment: Moment): string {
  return `${episodePath(slug)}${momentHref(moment)}`;
}

/** The same link relative to the document's own page, for links inside it. */
export function momentHref(moment: Moment): string {
  if (moment.startSeconds !== null) return `?t=${Math.floor(moment.startSeconds)}`;
  return `#${segmentAnchor(moment.ordinal)}`;
}

/** A chapter's link: its stable anchor, and its start second when it has one. */
export function chapterPath(slug: string, chapter: { anchor: string; startSeconds: number | null }): string {
  const t = chapter.startSeconds !== null ? `?t=${Math.floor(chapter.startSeconds)}` : '';
  return `${episodePath(slug)}${t}#${chapter.anchor}`;
}

/**
 * The media at a second: YouTube takes `t=NNs` in the query (`&t=` after `?v=`,
 * `?t=` on youtu.be); other media get a Media Fragment `#t=NN`. Returns null
 * for anything that is not an http(s) URL, so a bad sidecar never makes a
 * `javascript:` link.
 */
export function mediaUrlAt(mediaUrl: string, seconds: number): string | null {
  const url = parseHttpUrl(mediaUrl);
  if (!url) return null;
  const s = Math.max(0, Math.floor(seconds));
  if (isYoutubeHost(url)) {
    url.searchParams.set('t', `${s}s`);
    return url.toString();
  }
  url.hash = `t=${s}`;
  return url.toString();
}

/** Base URL for absolute links (sitemap, Open Graph): LADDER_SITE_URL, else the local server. */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env.LADDER_SITE_URL ?? env.NEXT_PUBLIC_SITE_URL ?? 'http://127.0.0.1:3000';
  return raw.replace(/\/+$/, '');
}
