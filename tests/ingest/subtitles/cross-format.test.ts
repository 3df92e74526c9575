import { describe, expect, it } from 'vitest';
import { srt } from '@/lib/ingest/formats/srt';
import { webvtt } from '@/lib/ingest/formats/webvtt';
import { rows } from './fixtures';

/** One invented talk; the tests write it out as SRT and as WebVTT, in each format's own idiom. */
const talk: { start: number; end: number; speaker: string; text: string[] }[] = [
  { start: 0.5, end: 3.2, speaker: 'Ana Lopez', text: ['Today: how Ben left big tech', 'after his staff promotion.'] },
  { start: 3.2, end: 6.0, speaker: 'Ana Lopez', text: ['Ben, why leave right after', 'getting the title?'] },
  { start: 6.4, end: 9.9, speaker: 'Ben Okafor', text: ['Because the title was the goal,', 'and I had stopped learning.'] },
  { start: 9.9, end: 14.0, speaker: 'Ben Okafor', text: ['My team measured tokens, not outcomes.', 'Tokenmaxxing, we called it.'] },
  { start: 14.0, end: 17.5, speaker: 'Ben Okafor', text: ['I wanted to own something small', 'end to end again.'] },
  { start: 18.25, end: 20.0, speaker: 'Ana Lopez', text: ['Any regrets?'] },
  { start: 20.0, end: 23.0, speaker: 'Ben Okafor', text: ['Only that I waited', 'two more cycles than I needed to.'] },
  { start: 3725.0, end: 3730.0, speaker: 'Ana Lopez', text: ['Thanks, Ben & everyone listening.'] },
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** 3725.5 → "01:02:05,500" (sep ",") or "01:02:05.500" (sep ".") */
const stamp = (t: number, sep: string) => {
  const ms = Math.round(t * 1000);
  const [h, m, s] = [Math.floor(ms / 3_600_000), Math.floor(ms / 60_000) % 60, Math.floor(ms / 1000) % 60];
  return `${pad(h)}:${pad(m)}:${pad(s)}${sep}${pad(ms % 1000, 3)}`;
};

function asSrt(): string {
  let speaker = '';
  return talk
    .map((c, i) => {
      // SRT captioners name a voice only when it changes
      const lines = [...c.text];
      if (c.speaker !== speaker) lines[0] = `${c.speaker}: ${lines[0]}`;
      speaker = c.speaker;
      return `${i + 1}\n${stamp(c.start, ',')} --> ${stamp(c.end, ',')}\n${lines.join('\n')}\n`;
    })
    .join('\n');
}

function asVtt(): string {
  const cues = talk.map((c, i) => {
    const time = (t: number) => (t < 3600 ? stamp(t, '.').slice(3) : stamp(t, '.')); // MM:SS.mmm where it fits
    const text = c.text.join('\n').replace(/&/g, '&amp;');
    return `cue-${i + 1}\n${time(c.start)} --> ${time(c.end)} align:start\n<v ${c.speaker}>${text}</v>\n`;
  });
  return `WEBVTT\n\nNOTE written by cross-format.test.ts\n\n${cues.join('\n')}`;
}

describe('the same talk as SRT and as WebVTT', () => {
  it('imports to the same segments: texts, speakers and start seconds', () => {
    const fromSrt = srt.parse(asSrt(), { fileName: 'talk.srt' });
    const fromVtt = webvtt.parse(asVtt(), { fileName: 'talk.vtt' });
    expect(srt.detect(asSrt()) && webvtt.detect(asVtt())).toBe(true);
    expect(rows(fromSrt)).toEqual(rows(fromVtt));
    expect(rows(fromVtt)).toEqual([
      ['Ana Lopez', 0.5, 'Today: how Ben left big tech after his staff promotion. Ben, why leave right after getting the title?'],
      [
        'Ben Okafor',
        6.4,
        'Because the title was the goal, and I had stopped learning. My team measured tokens, not outcomes. Tokenmaxxing, we called it.',
      ],
      // three sentences and 21 words make a paragraph; the next cue starts a new one
      ['Ben Okafor', 14, 'I wanted to own something small end to end again.'],
      ['Ana Lopez', 18.25, 'Any regrets?'],
      ['Ben Okafor', 20, 'Only that I waited two more cycles than I needed to.'],
      ['Ana Lopez', 3725, 'Thanks, Ben & everyone listening.'],
    ]);
  });
});
