import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insightBrief } from '@/lib/ingest/formats/insight-brief';
import { ParseError } from '@/lib/ingest/types';
import { findCorpusFile, readCorpusText } from '../support/corpus';

const FIXTURES = path.resolve(__dirname, '../fixtures/formats');
const parse = (text: string) => insightBrief.parse(text, { fileName: 'brief.txt' });

describe('insight-brief on the real corpus', () => {
  const text = readCorpusText(findCorpusFile((t) => /^Related Insights$/m.test(t)));
  const d = parse(text);
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

  it('drops the boilerplate and keeps the headline plus each related insight as one segment', () => {
    // 14 blocks: 2 sign-up lines, the headline, the "Related Insights" label, 10 related insights.
    // (The brief expected 10 segments; the file really holds 1 headline + 10 related = 11.)
    expect(paragraphs).toHaveLength(14);
    expect(d.segments).toHaveLength(11);
    expect(d.segments[0]!.text).toBe(paragraphs[2]);
    expect(d.segments.map((s) => s.text)).toEqual(paragraphs.filter((_, i) => i !== 0 && i !== 1 && i !== 3));
    expect(d.segments.some((s) => /podcast brief|Related Insights/.test(s.text))).toBe(false);
  });

  it('has no times, speakers or chapters, and a short title from the headline', () => {
    expect(d).toMatchObject({ format: 'insight-brief', kind: 'brief', chapters: [], people: [], warnings: [] });
    expect(d.segments.every((s) => s.startSeconds === null && !s.estimated && s.speaker === null && s.chapterIndex === null)).toBe(true);
    expect(d.title.length).toBeLessThanOrEqual(80);
    expect(d.segments[0]!.text.startsWith(d.title.replace(/…$/, ''))).toBe(true);
  });
});

describe('insight-brief on invented text', () => {
  const d = parse(fs.readFileSync(path.join(FIXTURES, 'insight-brief.txt'), 'utf8'));

  it('drops sign-up lines, keeps 1 headline + 3 related insights', () => {
    expect(d.segments.map((s) => s.text.slice(0, 20))).toEqual(['Engineers who write ', 'Leaderboards that ra', 'A performance improv', 'Moving from manager ']);
    expect(d.title).toBe('Engineers who write their own promotion packet early tend to get promoted…');
    expect(d.description).toBe(d.segments[0]!.text);
  });

  it('takes a brief without the label, with a warning; refuses one without insights', () => {
    const noLabel = parse('Sign up for the daily brief\n\nFirst insight sentence here. More.\n\nSecond insight here.');
    expect(noLabel.segments).toHaveLength(2);
    expect(noLabel.warnings).toEqual([expect.stringMatching(/no "Related Insights" label/)]);
    expect(() => parse('Related Insights\n')).toThrow(ParseError);
  });

  it('is detected by its label or sign-up lines, not on transcripts, subtitles or plain articles', () => {
    const prose = 'An invented insight about promotions that runs long enough to count as prose, with many words in it for the detector to see here.';
    expect(insightBrief.detect(`${prose}\n\nRelated Insights\n\n${prose}`)).toBe(true);
    expect(insightBrief.detect(`${prose}\n\nSome heading\n\n${prose}`)).toBe(false);
    expect(insightBrief.detect(`Ann  0:01\n${prose}\n\nRelated Insights\n\nBo  0:09\n${prose}`)).toBe(false);
    expect(insightBrief.detect(`1\n00:00:01,000 --> 00:00:02,000\n${prose}\n\nRelated Insights\n\n${prose}`)).toBe(false);
  });
});
