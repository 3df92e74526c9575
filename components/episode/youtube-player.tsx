'use client';

import { useEffect, useRef, useState } from 'react';
import { youtubeEmbedUrl } from '@/lib/episode/media';
import { publishTime, setPlayer } from './player-bus';

/** The few parts of the YouTube IFrame API used here. */
interface YtPlayer {
  seekTo(seconds: number, allowSeekAhead: boolean): void;
  playVideo(): void;
  getCurrentTime(): number;
}
interface YtNamespace {
  Player: new (el: HTMLIFrameElement, opts: { events: { onReady?: () => void; onStateChange?: (e: { data: number }) => void } }) => YtPlayer;
}
type YtWindow = Window & { YT?: YtNamespace; onYouTubeIframeAPIReady?: () => void };

const API_URL = 'https://www.youtube.com/iframe_api';
const PLAYING = 1;
let api: Promise<YtNamespace> | null = null;

/** Loads the IFrame API once, on first use (nothing from YouTube loads before the reader asks to play). */
function loadApi(): Promise<YtNamespace> {
  const w = window as YtWindow;
  api ??= new Promise<YtNamespace>((resolve, reject) => {
    if (w.YT?.Player) return resolve(w.YT);
    const previous = w.onYouTubeIframeAPIReady;
    w.onYouTubeIframeAPIReady = () => {
      previous?.();
      if (w.YT) resolve(w.YT);
    };
    const script = document.createElement('script');
    script.src = API_URL;
    script.async = true;
    script.onerror = () => {
      api = null;
      reject(new Error('the YouTube player API did not load'));
    };
    document.head.appendChild(script);
  });
  return api;
}

/**
 * The privacy-enhanced YouTube embed, driven through its IFrame API. Until
 * the reader plays something it is a button, not an iframe: no request goes
 * to YouTube, and the page stays light. A time link activates it at its
 * second; once the API is ready, time links seek it and play.
 */
export function YouTubePlayer({ id, title }: { id: string; title: string }) {
  const [start, setStart] = useState<number | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const player = useRef<YtPlayer | null>(null);
  const pending = useRef<number | null>(null);

  useEffect(() => {
    setPlayer({
      playAt(t) {
        if (player.current) {
          player.current.seekTo(t, true);
          player.current.playVideo();
        } else {
          pending.current = t;
          setStart((s) => s ?? t);
        }
      },
    });
    return () => setPlayer(null);
  }, []);

  useEffect(() => {
    if (start === null || !frame.current) return;
    const el = frame.current;
    let timer: ReturnType<typeof setInterval> | undefined;
    let cancelled = false;
    loadApi()
      .then((YT) => {
        if (cancelled) return;
        const p = new YT.Player(el, {
          events: {
            onReady: () => {
              player.current = p;
              if (pending.current !== null) p.seekTo(pending.current, true);
              pending.current = null;
              p.playVideo();
            },
            onStateChange: (e) => {
              clearInterval(timer);
              const report = () => publishTime(p.getCurrentTime(), e.data === PLAYING);
              report();
              if (e.data === PLAYING) timer = setInterval(report, 250);
            },
          },
        });
      })
      .catch(() => {
        // the embed still plays from its start parameter; only seeking from the transcript is lost
      });
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [start]);

  if (start === null) {
    return (
      <button
        type="button"
        onClick={() => setStart(0)}
        className="flex aspect-video w-full items-center justify-center gap-3 rounded-xl bg-zinc-900 text-white hover:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-indigo-500 dark:bg-zinc-800 dark:hover:bg-zinc-700"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-10 w-10 fill-current">
          <path d="M8 5v14l11-7z" />
        </svg>
        <span className="text-base font-medium">
          Play the video here<span className="sr-only">: {title}</span>
        </span>
      </button>
    );
  }
  return (
    <iframe
      ref={frame}
      src={youtubeEmbedUrl(id, { origin: window.location.origin, start, autoplay: true })}
      title={`Video: ${title}`}
      allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
      allowFullScreen
      referrerPolicy="strict-origin-when-cross-origin"
      className="aspect-video w-full rounded-xl bg-black"
    />
  );
}
