import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article } from '@/lib/ingest/formats/article';
import { ParseError } from '@/lib/ingest/types';
import { findCorpusFile, readCorpusText } from '../support/corpus';

const FIXTURES = path.resolve(__dirname, '../fixtures/formats');
const parse = (text: string) => article.parse(text, { fileName: 'article.txt' });

const isCorpusArticle = (t: string) =>
  !t.startsWith('---') && !t.includes('Related Insights') && !t.includes('AI-Generated Summary') && !/\d:\d\d/.test(t);

describe('article on the real corpus', () => {
  const text = readCorpusText(findCorpusFile(isCorpusArticle));
  const d = parse(text);
  const lines = text.split('\n').filter((l) => l.trim() !== '');

  it('turns the two heading lines into untimed chapters', () => {
    expect(d).toMatchObject({ format: 'article', kind: 'article', people: [], warnings: [] });
    expect(d.chapters).toHaveLength(2);
    expect(d.chapters.every((c) => c.startSeconds === null && c.endSeconds === null && !c.estimated)).toBe(true);
    expect(d.chapters.map((c) => c.title)).toEqual(lines.filter((l) => l.length < 100));
  });

  it('keeps every paragraph as a segment; the lead paragraph has no chapter', () => {
    expect(d.segments).toHaveLength(lines.length - 2);
    expect(d.segments[0]!.chapterIndex).toBeNull();
    expect(d.segments.slice(1).every((s) => s.chapterIndex !== null)).toBe(true);
    expect(d.segments.map((s) => s.chapterIndex)).toEqual([null, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    expect(d.segments.some((s) => s.text.includes('tokenmaxxing'))).toBe(true);
  });

  it('derives the title from the lead sentence when there is no title line', () => {
    expect(d.title.length).toBeLessThanOrEqual(80);
    expect(d.segments[0]!.text.startsWith(d.title.replace(/…$/, ''))).toBe(true);
  });
});

describe('article on invented text', () => {
  const d = parse(fs.readFileSync(path.join(FIXTURES, 'article.txt'), 'utf8'));

  it('reads a title, byline and date header, and re-flows hard-wrapped paragraphs', () => {
    expect(d).toMatchObject({ title: 'Fixture Gazette: The Leaderboard Problem', description: 'By Wren Halvorsen', publishedOn: '2024-03-18' });
    expect(d.chapters.map((c) => c.title)).toEqual(['How the numbers drifted', 'What the team changed']);
    expect(d.segments.map((s) => s.chapterIndex)).toEqual([null, 0, 0, 1]);
    expect(d.segments[0]!.text).not.toContain('\n');
    expect(d.segments[0]!.text).toMatch(/leaderboard on the office screens/);
  });

  it('warns about a heading with nothing under it; refuses headings only', () => {
    const prose = 'Invented paragraph text that is long enough to count as running prose for the article parser in this test case.';
    const w = parse(`${prose}\nEmpty Section\nNext Section\n${prose}`);
    expect(w.chapters).toHaveLength(2);
    expect(w.warnings).toEqual([expect.stringMatching(/"Empty Section".*no paragraphs/)]);
    expect(() => parse('Only A Heading\n')).toThrow(ParseError);
  });
});

describe('article detection', () => {
  const prose = 'An invented paragraph about careers that runs on for long enough to count as prose, with well over twenty five words in it, so it looks like an article.';
  const articleText = `${prose}\n${prose}\nA Section Heading\n${prose}\n${prose}`;

  it('claims prose with a heading between paragraphs', () => {
    expect(article.detect(articleText)).toBe(true);
  });

  it('rejects prose without headings, transcripts, subtitles and the other prose formats', () => {
    expect(article.detect(`${prose}\n\n${prose}\n\n${prose}`)).toBe(false);
    // Otter-style "Name  1:23" headers
    expect(article.detect(`Jane Doe  0:05\n${prose}\n\nA Heading\n\nJohn Roe  1:23\n${prose}\n\n${prose}`)).toBe(false);
    expect(article.detect(`1\n00:00:01,000 --> 00:00:04,000\n${articleText}`)).toBe(false);
    expect(article.detect(`WEBVTT\n\n${articleText}`)).toBe(false);
    expect(article.detect(`---\nguest: A\n---\n${articleText}`)).toBe(false);
    expect(article.detect(`${prose}\n\nRelated Insights\n\n${prose}\n\n${prose}`)).toBe(false);
    expect(article.detect(`Title\n\nChan • 3:10 minutes • Published 2024-01-01 • YouTube\n\n${articleText}`)).toBe(false);
    expect(article.detect(JSON.stringify({ text: articleText }))).toBe(false);
  });
});
