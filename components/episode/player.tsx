'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { playableMedia } from '@/lib/episode/media';
import { useFollowAlong } from './follow-along';
import { onPlayerTime, onPlayRequest, publishTime, setPlayer } from './player-bus';
import { YouTubePlayer } from './youtube-player';

/** An audio or video file in the browser's own player; time links seek it and play. */
function FilePlayer({ url, kind, title }: { url: string; kind: 'audio' | 'video'; title: string }) {
  const media = useRef<HTMLMediaElement | null>(null);
  useEffect(() => {
    const el = media.current;
    if (!el) return;
    setPlayer({
      playAt(t) {
        // before its metadata has loaded the element keeps this as where to start
        el.currentTime = t;
        void el.play().catch(() => {});
      },
    });
    const report = () => publishTime(el.currentTime, !el.paused);
    const events = ['timeupdate', 'seeked', 'play', 'pause'] as const;
    for (const e of events) el.addEventListener(e, report);
    return () => {
      for (const e of events) el.removeEventListener(e, report);
      setPlayer(null);
    };
  }, []);
  const label = `${kind === 'audio' ? 'Audio' : 'Video'}: ${title}`;
  return kind === 'audio' ? (
    <audio ref={(el) => void (media.current = el)} src={url} controls preload="none" aria-label={label} className="w-full" />
  ) : (
    <video ref={(el) => void (media.current = el)} src={url} controls preload="none" playsInline aria-label={label} className="aspect-video w-full rounded-xl bg-black" />
  );
}

/**
 * The player for the document's media, when it is a YouTube video or an
 * audio or video file: time links in the page seek it and play, and while it
 * plays the transcript highlights the sentence being spoken and follows it
 * until the reader scrolls away.
 */
/**
 * Once playing, the player stays at hand: when its place in the page scrolls
 * out of view it docks at the bottom of the screen (the same element, moved
 * by a class, so the video does not reload), and its place keeps its height.
 */
function useDock(started: boolean) {
  const slot = useRef<HTMLElement | null>(null);
  const inner = useRef<HTMLDivElement | null>(null);
  const [dock, setDock] = useState<{ height: number } | null>(null);
  useEffect(() => {
    const el = slot.current;
    if (!started || !el) return;
    const observer = new IntersectionObserver(([entry]) => {
      if (!entry) return;
      setDock(entry.isIntersecting ? null : { height: inner.current?.offsetHeight ?? 0 });
    }, { rootMargin: '-64px 0px 0px 0px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [started]);
  return { slot, inner, dock };
}

export function EpisodePlayer({ mediaUrl, title }: { mediaUrl: string | null; title: string }) {
  const media = playableMedia(mediaUrl);
  const [started, setStarted] = useState(false);
  const [follow, setFollow] = useState(true);
  const stopFollowing = useCallback(() => setFollow(false), []);
  useFollowAlong(follow && started, stopFollowing);
  useEffect(() => onPlayerTime((_, playing) => playing && setStarted(true)), []);
  // a time link is a request to hear that moment: follow it again
  useEffect(() => onPlayRequest(() => setFollow(true)), []);
  const { slot, inner, dock } = useDock(started);
  if (!media) return null;
  return (
    <section ref={slot} aria-label="Player" data-player={media.kind} className="mb-8 max-w-2xl" style={dock ? { minHeight: dock.height } : undefined}>
      <div ref={inner} data-docked={dock ? 'true' : undefined} className={dock ? `player-docked ${media.kind === 'youtube' ? 'player-docked-video' : ''}` : ''}>
        {media.kind === 'youtube' ? <YouTubePlayer id={media.id} title={title} /> : <FilePlayer url={media.url} kind={media.kind} title={title} />}
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-zinc-600 dark:text-zinc-400">
          {!dock && <span>Time links play from their second.</span>}
          {started && (
            <button
              type="button"
              aria-pressed={follow}
              onClick={() => setFollow((f) => !f)}
              className="rounded-md px-2 py-1 font-medium text-indigo-700 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-100 aria-pressed:bg-indigo-50 aria-pressed:ring-indigo-300 dark:text-indigo-300 dark:ring-zinc-700 dark:hover:bg-zinc-800 dark:aria-pressed:bg-indigo-950 dark:aria-pressed:ring-indigo-700"
            >
              {follow ? 'Following the transcript' : 'Follow the transcript'}
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
