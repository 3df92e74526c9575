// relative: next.config.ts loads this file (through lib/security/csp.ts), where the @/ alias does not resolve
import { parseHttpUrl, youtubeId } from '../text/media-url';

/** What kind of player a document's media URL gets: the YouTube embed, an audio or video element, or none. */
export type PlayableMedia = { kind: 'youtube'; id: string } | { kind: 'audio' | 'video'; url: string };

const AUDIO = /\.(mp3|m4a|aac|oga|ogg|opus|wav|flac|weba)$/i;
const VIDEO = /\.(mp4|m4v|webm|mov|ogv)$/i;

/** The player for a media URL; null for anything else (a web page, a non-http address). */
export function playableMedia(mediaUrl: string | null): PlayableMedia | null {
  const url = parseHttpUrl(mediaUrl);
  if (!url) return null;
  const id = youtubeId(url);
  if (id) return { kind: 'youtube', id };
  if (AUDIO.test(url.pathname)) return { kind: 'audio', url: url.toString() };
  if (VIDEO.test(url.pathname)) return { kind: 'video', url: url.toString() };
  return null;
}

/** The privacy-enhanced embed (youtube-nocookie.com) with its JavaScript API on, starting at `start` seconds. */
export const YOUTUBE_EMBED_ORIGIN = 'https://www.youtube-nocookie.com';

export function youtubeEmbedUrl(id: string, { origin, start = 0, autoplay = false }: { origin: string; start?: number; autoplay?: boolean }): string {
  const params = new URLSearchParams({ enablejsapi: '1', playsinline: '1', rel: '0', origin });
  if (start > 0) params.set('start', String(Math.floor(start)));
  if (autoplay) params.set('autoplay', '1');
  return `${YOUTUBE_EMBED_ORIGIN}/embed/${encodeURIComponent(id)}?${params.toString()}`;
}
