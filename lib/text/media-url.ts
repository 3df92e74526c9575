/**
 * Reading media addresses, shared by the importer (duplicate detection) and
 * the pages (players, links to a second), so both agree on what a YouTube
 * video is and which addresses are safe to link.
 */

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** An http(s) URL, or null for anything else (so a bad sidecar never makes a `javascript:` link). */
export function parseHttpUrl(raw: string | null | undefined): URL | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}

/** The host without www., m. or music. */
export function bareHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^(www|m|music)\./, '');
}

export function isYoutubeHost(url: URL): boolean {
  const host = bareHost(url);
  return host === 'youtu.be' || host === 'youtube.com' || host === 'youtube-nocookie.com';
}

/** What a YouTube address names as its video (watch, youtu.be, embed, shorts, live), as written; null when none. */
export function youtubeVideo(url: URL): string | null {
  const host = bareHost(url);
  let id: string | null = null;
  if (host === 'youtu.be') id = url.pathname.split('/')[1] ?? null;
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const path = url.pathname.split('/').filter(Boolean);
    if (path[0] === 'watch') id = url.searchParams.get('v');
    else if (['embed', 'shorts', 'live', 'v'].includes(path[0] ?? '')) id = path[1] ?? null;
  }
  return id || null;
}

/** A well-formed YouTube video id (what an embed may be given), or null. */
export function youtubeId(url: URL): string | null {
  const id = youtubeVideo(url);
  return id && YOUTUBE_ID.test(id) ? id : null;
}
