import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { otterText } from '@/lib/ingest/formats/otter-text';
import { podcastJson } from '@/lib/ingest/formats/podcast-json';
import { srt } from '@/lib/ingest/formats/srt';
import { webvtt } from '@/lib/ingest/formats/webvtt';
import { whisperJson } from '@/lib/ingest/formats/whisper-json';
import { youtubeJson3 } from '@/lib/ingest/formats/youtube-json3';
import { FIXTURES, readFixture } from './fixtures';

const mine = [srt, webvtt, whisperJson, podcastJson, youtubeJson3, otterText];

/** Every fixture and the one parser that must claim it (null: none of the subtitle parsers). */
const expected: Record<string, string | null> = {
  'backwards.srt': 'srt',
  'backwards.vtt': 'webvtt',
  'bad-timing.srt': 'srt',
  'bad-timing.vtt': 'webvtt',
  'leaving-rolling.json3': 'youtube-json3',
  'otter.txt': 'otter-text',
  'pip-plain.whisper.json': 'whisper-json',
  'promo-chapters.json': null,
  'promo-talk.vtt': 'webvtt',
  'promo-verbose.whisper.json': 'whisper-json',
  'promo-words.podcast.json': 'podcast-json',
  'standup-bom-crlf.srt': 'srt',
  'youtube-auto.vtt': 'webvtt',
};

/** Texts of other formats that look a little like ours. */
const others: Record<string, string> = {
  'markdown transcript turns (Name 00:01:02:)': 'Ryan 00:00:59:\nSo how did you start?\n\nStefan 00:01:33:\nAt Microsoft, as an intern.\n',
  'front matter transcript': '---\ntitle: Promo\n---\nAna Lopez  0:00\nHello there.\n',
  'YouTube chapter list': '00:00 Intro\n05:12 Getting promoted\n1:02:03 Leaving\n',
  'prose ending a line with a time': 'We met for coffee.\nThe standup moved to 10:30\nbecause of the PIP review.\n',
  'prose with a timing-ish arrow': 'Promotion timeline: junior --> senior --> staff.\n',
  'other JSON': '{"segments": [{"id": 1}], "title": "x"}',
  'a JSON array': '[{"start": 0, "text": "hi"}]',
};

describe('detect(): each subtitle parser claims exactly its own fixtures', () => {
  it('covers every fixture file', () => {
    expect(fs.readdirSync(FIXTURES).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s → %s', (file, name) => {
    const text = readFixture(file);
    expect(mine.filter((p) => p.detect(text)).map((p) => p.name)).toEqual(name ? [name] : []);
    // as the app hands it over: BOM stripped, CRLF folded
    const decoded = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    expect(mine.filter((p) => p.detect(decoded)).map((p) => p.name)).toEqual(name ? [name] : []);
  });

  it.each(Object.entries(others))('nobody claims: %s', (_label, text) => {
    expect(mine.filter((p) => p.detect(text)).map((p) => p.name)).toEqual([]);
  });

  it('never throws, even on odd input', () => {
    for (const text of ['', '{', '{"events": [1, null]}', 'WEBVTT', '\uFEFF', '1\n']) {
      for (const p of mine) expect(() => p.detect(text)).not.toThrow();
    }
  });
});

describe('detectFormat (the whole registry, in its order)', () => {
  it.each(Object.entries(expected).filter(([, name]) => name))('%s → %s', async (file, name) => {
    const { detectFormat } = await import('@/lib/ingest/detect');
    const text = readFixture(file).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    expect(detectFormat(text).name).toBe(name);
  });
});
