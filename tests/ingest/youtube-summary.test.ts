import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { youtubeSummary } from '@/lib/ingest/formats/youtube-summary';
import { ParseError, type ParsedDocument } from '@/lib/ingest/types';
import { findCorpusFile, readCorpusText } from '../support/corpus';

const FIXTURES = path.resolve(__dirname, '../fixtures/formats');
const parse = (text: string) => youtubeSummary.parse(text, { fileName: 'page.txt' });
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('youtube-summary on the real corpus', () => {
  const text = readCorpusText(findCorpusFile((t) => t.includes('AI-Generated Summary')));
  const d: ParsedDocument = parse(text);

  it('reads title, channel as host, duration and date from the header', () => {
    expect(d.format).toBe('youtube-summary');
    expect(d.kind).toBe('episode');
    expect(d.title).toBeTruthy();
    expect(d.title).not.toMatch(/YouTube Deep Summary|Video thumbnail/);
    const host = d.people.find((p) => p.role === 'host');
    expect(host?.name).toBeTruthy();
    expect(d.show).toBe(host!.name);
    expect(d.durationSeconds).toBe(7036);
    expect(d.publishedOn).toBe('2025-01-17');
  });

  it('keeps the AI summary as plain text, apart from the transcript', () => {
    expect(d.summary).toMatch(/Key Takeaways:/);
    expect(d.summary).toContain('\n');
    expect(d.summary).not.toMatch(/##|Transcript \(/);
    // every summary line is still there, none leaked into segments
    const firstSummaryLine = d.summary!.split('\n')[0]!;
    expect(d.segments.some((s) => s.text.includes(firstSummaryLine))).toBe(false);
  });

  it('finds the guest from the text, without a hard-coded name', () => {
    expect(d.people.find((p) => p.role === 'guest')?.name).toBe('Evan King');
  });

  it('makes 19 exact chapters from the inline markers', () => {
    expect(d.chapters).toHaveLength(19);
    expect(d.chapters.every((c) => !c.estimated)).toBe(true);
    expect(d.chapters[0]!.startSeconds).toBe(0);
    const last = d.chapters.at(-1)!;
    expect(last).toEqual({ title: 'Advice for new grads & past self', startSeconds: 6714, endSeconds: 7036, estimated: false });
    d.chapters.slice(0, -1).forEach((c, i) => expect(c.endSeconds).toBe(d.chapters[i + 1]!.startSeconds));
    expect(d.warnings).toEqual([]);
  });

  it('splits chapter text into readable, estimated segments without losing words', () => {
    expect(d.segments.every((s) => s.estimated && s.speaker === null && s.chapterIndex !== null)).toBe(true);
    expect(d.segments.every((s) => !s.text.includes('## '))).toBe(true);
    const sizes = d.segments.map((s) => words(s.text));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    // all transcript words survive (markers removed)
    const transcriptLine = text.split('\n').reduce((a, b) => (b.length > a.length ? b : a));
    const markerWords = [...transcriptLine.matchAll(/##\s+[^[]+?\s*\[[\d:]+\]/g)].reduce((n, m) => n + words(m[0]), 0);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(words(transcriptLine) - markerWords);
  });

  it('times segments by word position inside their chapter', () => {
    d.chapters.forEach((c, i) => {
      const segs = d.segments.filter((s) => s.chapterIndex === i);
      expect(segs.length).toBeGreaterThan(0);
      expect(segs[0]!.startSeconds).toBe(c.startSeconds);
      segs.forEach((s, j) => {
        expect(s.startSeconds!).toBeGreaterThanOrEqual(c.startSeconds!);
        expect(s.startSeconds!).toBeLessThan(c.endSeconds!);
        if (j > 0) expect(s.startSeconds!).toBeGreaterThanOrEqual(segs[j - 1]!.startSeconds!);
      });
    });
  });
});

describe('youtube-summary on an invented page', () => {
  const d = parse(fs.readFileSync(path.join(FIXTURES, 'youtube-summary.txt'), 'utf8'));

  it('reads the header and finds the guest introduced with "joined by"', () => {
    expect(d).toMatchObject({ title: 'Fixture: Harriet Leaves Big Tech', show: 'Fixture Talks', durationSeconds: 4500, publishedOn: '2024-06-09' });
    expect(d.people).toEqual([
      { name: 'Fixture Talks', role: 'host' },
      { name: 'Harriet Olsen', role: 'guest' },
    ]);
    expect(d.summary).toBe(
      'Fixture summary heading about a career\n\nHarriet describes an invented career used only as a test fixture.\n\nKey Takeaways:\n\n• Write down your scope before the promo cycle starts.\n• Managing and building are different jobs.',
    );
  });

  it('reads [MM:SS] and [H:MM:SS] markers', () => {
    expect(d.chapters.map((c) => [c.title, c.startSeconds, c.endSeconds])).toEqual([
      ['Intro', 0, 270],
      ['The first promo', 270, 1865],
      ['Managing versus building', 1865, 3730],
      ['Leaving the big company', 3730, 4500],
    ]);
  });

  it('places a chunk by its word offset: 80 of 150 words into 270..1865 s', () => {
    const second = d.segments.filter((s) => s.chapterIndex === 1)[1]!;
    expect(second.startSeconds).toBe(Math.floor(270 + (80 / 150) * (1865 - 270)));
  });

  it('rejects markers that go backwards, and pages without a transcript', () => {
    const page = 'T\n\nChan • 10:00 minutes • Published 2024-01-01 • YouTube\n\n📝 Transcript (2 entries):\n\n';
    expect(() => parse(`${page}## B [05:00] two ## A [01:00] one`)).toThrow(ParseError);
    expect(() => parse(`${page}## B [05:75] two`)).toThrow(/invalid time/);
    expect(() => parse('T\n\nChan • 10:00 minutes • Published 2024-01-01 • YouTube\n')).toThrow(ParseError);
  });

  it('is detected by its header line or its section labels, and nothing else', () => {
    expect(youtubeSummary.detect('Title\n\nChan • 3:10 minutes • Published 2024-01-01 • YouTube\n')).toBe(true);
    expect(youtubeSummary.detect('🤖 AI-Generated Summary:\n\nx\n\n📝 Transcript (3 entries):\n\n## A [00:00] hi')).toBe(true);
    expect(youtubeSummary.detect('---\ntitle: x\n---\nAl 00:00:01: hi')).toBe(false);
    expect(youtubeSummary.detect('Jane Doe  0:05\nHello there.\n\nJohn Roe  0:09\nHi.\n')).toBe(false);
  });
});
