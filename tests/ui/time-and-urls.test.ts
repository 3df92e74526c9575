import { describe, expect, it } from 'vitest';
import { dateLabel, durationLabel, parseTimeHash, parseTimeParam, timeLabel, yearsSince } from '@/lib/episode/time';
import { playableMedia, youtubeEmbedUrl } from '@/lib/episode/media';
import { chapterPath, mediaUrlAt, momentPath, siteUrl } from '@/lib/episode/urls';

describe('time labels', () => {
  it('marks estimated times with ≈', () => {
    expect(timeLabel(4135, false)).toBe('1:08:55');
    expect(timeLabel(754, true)).toBe('≈ 12:34');
  });
  it('formats durations and dates', () => {
    expect(durationLabel(7036)).toBe('1 h 57 min');
    expect(durationLabel(2880)).toBe('48 min');
    expect(durationLabel(40)).toBe('40 s');
    expect(dateLabel('2025-08-15')).toBe('15 Aug 2025');
  });
  it('counts years in the industry', () => {
    expect(yearsSince(2002, new Date('2026-03-01'))).toBe(24);
    expect(yearsSince(2030, new Date('2026-03-01'))).toBe(0);
  });
});

describe('parseTimeParam', () => {
  it.each([
    ['4135', 4135],
    ['4135s', 4135],
    ['1h8m55s', 4135],
    ['8m', 480],
    ['1:08:55', 4135],
    ['68:55', 4135],
    [['6714', '1'], 6714],
  ] as const)('%s → %s', (raw, want) => {
    expect(parseTimeParam(raw as string | string[])).toBe(want);
  });
  it.each(['', 'abc', '-5', '1:75', '12:3', undefined, null])('ignores %s', (raw) => {
    expect(parseTimeParam(raw)).toBeNull();
  });
  it('reads #t= hashes', () => {
    expect(parseTimeHash('#t=4135')).toBe(4135);
    expect(parseTimeHash('#t=1%3A08%3A55')).toBe(4135);
    expect(parseTimeHash('#ch-intro')).toBeNull();
  });
});

describe('urls', () => {
  it('links a timed moment by second and an untimed one by anchor', () => {
    expect(momentPath('ep', { ordinal: 3, startSeconds: 4135 })).toBe('/episodes/ep?t=4135');
    expect(momentPath('brief', { ordinal: 3, startSeconds: null })).toBe('/episodes/brief#seg-3');
    expect(chapterPath('ep', { anchor: 'ch-pip', startSeconds: 4135 })).toBe('/episodes/ep?t=4135#ch-pip');
    expect(chapterPath('a', { anchor: 'ch-x', startSeconds: null })).toBe('/episodes/a#ch-x');
  });
  it('adds the second to YouTube links the way YouTube reads it', () => {
    expect(mediaUrlAt('https://www.youtube.com/watch?v=abc', 754)).toBe('https://www.youtube.com/watch?v=abc&t=754s');
    expect(mediaUrlAt('https://youtu.be/abc', 12)).toBe('https://youtu.be/abc?t=12s');
    expect(mediaUrlAt('https://youtu.be/abc?t=5s', 12)).toBe('https://youtu.be/abc?t=12s');
    expect(mediaUrlAt('https://cdn.example.com/ep.mp3', 90)).toBe('https://cdn.example.com/ep.mp3#t=90');
  });
  it('never links to non-http media', () => {
    expect(mediaUrlAt('javascript:alert(1)', 1)).toBeNull();
    expect(mediaUrlAt('not a url', 1)).toBeNull();
  });
  it('reads the site url from the environment', () => {
    expect(siteUrl({ LADDER_SITE_URL: 'https://ladder.dev/' })).toBe('https://ladder.dev');
    expect(siteUrl({})).toBe('http://127.0.0.1:3000');
  });
});

describe('playableMedia', () => {
  it('finds the YouTube video in every address form', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=5s',
      'https://youtu.be/dQw4w9WgXcQ?t=5',
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    ]) {
      expect(playableMedia(url), url).toEqual({ kind: 'youtube', id: 'dQw4w9WgXcQ' });
    }
  });

  it('plays audio and video files, and nothing else', () => {
    expect(playableMedia('https://cdn.example.com/ep/42.mp3?x=1')).toEqual({ kind: 'audio', url: 'https://cdn.example.com/ep/42.mp3?x=1' });
    expect(playableMedia('https://cdn.example.com/talk.MP4')).toMatchObject({ kind: 'video' });
    for (const url of ['https://example.com/ladder/sample-talk', 'javascript:alert(1)//x.mp3', 'ftp://x/a.mp3', 'https://www.youtube.com/watch?v=short', 'not a url', null]) {
      expect(playableMedia(url), String(url)).toBeNull();
    }
  });

  it('embeds through youtube-nocookie with the API on and the page origin', () => {
    const url = new URL(youtubeEmbedUrl('dQw4w9WgXcQ', { origin: 'http://127.0.0.1:3000', start: 4156.7, autoplay: true }));
    expect(url.origin).toBe('https://www.youtube-nocookie.com');
    expect(url.pathname).toBe('/embed/dQw4w9WgXcQ');
    expect(Object.fromEntries(url.searchParams)).toEqual({ enablejsapi: '1', playsinline: '1', rel: '0', origin: 'http://127.0.0.1:3000', start: '4156', autoplay: '1' });
  });
});
