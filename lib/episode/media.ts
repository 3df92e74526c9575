/** What kind of player a document's media URL gets: the YouTube embed, an audio or video element, or none. */
export type PlayableMedia = { kind: 'youtube'; id: string } | { kind: 'audio' | 'video'; url: string };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const AUDIO = /\.(mp3|m4a|aac|oga|ogg|opus|wav|flac|weba)$/i;
const VIDEO = /\.(mp4|m4v|webm|mov|ogv)$/i;

/** The video id of a YouTube address (watch, youtu.be, embed, shorts, live), or null. */
export function youtubeId(url: URL): string | null {
  const host = url.hostname.replace(/^(www|m|music)\./, '');
  let id: string | null = null;
  if (host === 'youtu.be') id = url.pathname.split('/')[1] ?? null;
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const path = url.pathname.split('/').filter(Boolean);
    if (path[0] === 'watch') id = url.searchParams.get('v');
    else if (['embed', 'shorts', 'live', 'v'].includes(path[0] ?? '')) id = path[1] ?? null;
  }
  return id && YOUTUBE_ID.test(id) ? id : null;
}

/** The player for a media URL; null for anything else (a web page, a non-http address). */
export function playableMedia(mediaUrl: string | null): PlayableMedia | null {
  if (!mediaUrl) return null;
  let url: URL;
  try {
    url = new URL(mediaUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
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
