import { expect, test, type Page, type Route } from '@playwright/test';
import { saveScreenshot } from './support';

/**
 * The player on the page (issue 15), with the two fixtures in
 * tests/fixtures/player: one whose media is an audio file at
 * https://media.ladder.test/player-check.wav, generated and served here; one
 * with a YouTube address, whose IFrame API and embed are answered here too,
 * so nothing leaves the machine and every command the page sends is seen.
 */
const AUDIO_DOC = '/episodes/player-check-a-short-talk-with-a-local-audio-file';
const YOUTUBE_DOC = '/episodes/player-check-a-talk-with-a-youtube-address';
const SECONDS = 24;

/** A mono 8 kHz 16-bit WAV of `seconds`: a tone that changes pitch every second, so playback is real audio. */
function toneWav(seconds: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const buf = Buffer.alloc(44 + samples * 2);
  buf.write('RIFF', 0);
  buf.writeUInt32LE(36 + samples * 2, 4);
  buf.write('WAVEfmt ', 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36);
  buf.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const hz = 220 + 40 * Math.floor(i / rate);
    buf.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / rate)), 44 + i * 2);
  }
  return buf;
}

/** Serves the file with range requests, as a media host does (the browser seeks by asking for ranges). */
async function serveAudio(page: Page, wav: Buffer): Promise<void> {
  await page.route('https://media.ladder.test/**', async (route: Route) => {
    const range = /bytes=(\d+)-(\d*)/.exec(route.request().headers()['range'] ?? '');
    const headers = { 'Content-Type': 'audio/wav', 'Accept-Ranges': 'bytes', 'Access-Control-Allow-Origin': '*' };
    if (!range) return route.fulfill({ status: 200, headers, body: wav });
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), wav.length - 1) : wav.length - 1;
    return route.fulfill({ status: 206, headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${wav.length}` }, body: wav.subarray(start, end + 1) });
  });
}

async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

test('a time link plays the local audio from its second, and the highlight follows playback', async ({ page }) => {
  const violations = await watchCsp(page);
  await serveAudio(page, toneWav(SECONDS));
  await page.goto(AUDIO_DOC);
  const audio = page.getByRole('region', { name: 'Player' }).locator('audio');
  await expect(audio).toHaveAttribute('src', 'https://media.ladder.test/player-check.wav');
  // a time link seeks and plays instead of opening a tab; the new-tab link is still there beside it
  const turn = page.locator('.segment[data-start="8"]');
  await expect(turn.locator('a[data-media-link]')).toHaveAttribute('target', '_blank');
  await turn.locator('a.seg-time').click();
  await expect(page).toHaveURL(/\?t=8#seg-1$/);
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => !a.paused && a.currentTime >= 8 && a.currentTime < 12)).toBe(true);

  // the sentence being spoken is highlighted, and moves on as the audio plays
  const now = page.locator('.sen-now');
  const state = () =>
    page.evaluate(() => {
      const a = document.querySelector('audio')!;
      const el = document.querySelector<HTMLElement>('.sen-now');
      const all = [...document.querySelectorAll<HTMLElement>('.seg-text [data-t]')];
      const next = el ? all[all.indexOf(el) + 1] : undefined;
      return { t: a.currentTime, start: Number(el?.dataset.t ?? NaN), end: Number(next?.dataset.t ?? Infinity) };
    });
  await expect(now).toHaveCount(1);
  const first = await now.getAttribute('data-t');
  await expect.poll(async () => Number(await now.getAttribute('data-t')), { timeout: 15_000 }).toBeGreaterThan(Number(first));
  const s = await state();
  // the highlight is the sentence covering the current time (within one report interval)
  expect(s.start).toBeLessThanOrEqual(s.t);
  expect(s.end).toBeGreaterThan(s.t - 0.5);
  await expect(page.getByRole('button', { name: /Following the transcript/ })).toHaveAttribute('aria-pressed', 'true');
  await saveScreenshot(page, 'player-audio');

  // its place scrolled away, the playing player docks at the bottom of the screen, still playing
  await page.setViewportSize({ width: 360, height: 640 });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.locator('[data-docked="true"] audio')).toBeInViewport();
  expect(await audio.evaluate((a: HTMLAudioElement) => !a.paused)).toBe(true);
  await saveScreenshot(page, 'player-docked');

  // scrolling by hand stops following; a time link starts it again
  await page.mouse.wheel(0, 200);
  await expect(page.getByRole('button', { name: 'Follow the transcript' })).toHaveAttribute('aria-pressed', 'false');
  await page.locator('.segment[data-start="0"] a.seg-time').click();
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime < 7)).toBe(true);
  await expect(page.getByRole('button', { name: /Following the transcript/ })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('a YouTube address gets the privacy-enhanced embed, driven through the IFrame API', async ({ page }) => {
  const violations = await watchCsp(page);
  const youtube: string[] = [];
  page.on('request', (r) => {
    if (/youtube/.test(new URL(r.url()).hostname)) youtube.push(r.url());
  });
  // a stand-in for the IFrame API: it records every call the page makes
  await page.route('https://www.youtube.com/iframe_api', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `window.__yt = [];
        window.YT = { Player: function (el, opts) {
          window.__yt.push(['new', el.tagName, el.src]);
          this.seekTo = function (t, ahead) { window.__yt.push(['seekTo', t, ahead]); };
          this.playVideo = function () { window.__yt.push(['playVideo']); opts.events.onStateChange && opts.events.onStateChange({ data: 1 }); };
          this.getCurrentTime = function () { return 66; };
          setTimeout(function () { opts.events.onReady && opts.events.onReady(); }, 50);
        } };
        window.onYouTubeIframeAPIReady && window.onYouTubeIframeAPIReady();`,
    }),
  );
  await page.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>embed</title>' }));
  await page.goto(YOUTUBE_DOC);
  await page.waitForLoadState('networkidle');
  // nothing from YouTube before the reader asks to play
  expect(youtube).toEqual([]);
  await expect(page.locator('iframe')).toHaveCount(0);

  await page.locator('.segment[data-start="65"] a.seg-time').click();
  const frame = page.locator('iframe[title^="Video:"]');
  await expect(frame).toHaveCount(1);
  const src = new URL((await frame.getAttribute('src'))!);
  expect(src.origin).toBe('https://www.youtube-nocookie.com');
  expect(src.pathname).toBe('/embed/ladderTest1');
  expect(Object.fromEntries(src.searchParams)).toMatchObject({ enablejsapi: '1', start: '65', autoplay: '1', origin: new URL(page.url()).origin });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __yt?: unknown[] }).__yt)).toEqual([['new', 'IFRAME', src.toString()], ['seekTo', 65, true], ['playVideo']]);

  // once the API is ready, a time link seeks the player and plays
  await page.locator('.segment[data-start="0"] a.seg-time').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __yt: unknown[] }).__yt.slice(3))).toEqual([['seekTo', 0, true], ['playVideo']]);
  // the transcript follows the time the player reports (66 s: the second turn)
  await expect(page.locator('.segment[data-start="65"] .sen-now')).toHaveCount(1);
  expect(youtube.every((u) => u.startsWith('https://www.youtube.com/iframe_api') || u.startsWith('https://www.youtube-nocookie.com/embed/ladderTest1?'))).toBe(true);
  expect(await violations()).toEqual([]);
  await saveScreenshot(page, 'player-youtube');
});
