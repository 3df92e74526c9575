import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article } from '@/lib/ingest/formats/article';
import { frontmatterTranscript } from '@/lib/ingest/formats/frontmatter-transcript';
import { insightBrief } from '@/lib/ingest/formats/insight-brief';
import { youtubeSummary } from '@/lib/ingest/formats/youtube-summary';
import type { FormatParser, ParsedDocument } from '@/lib/ingest/types';
import { corpusFiles, readCorpusText } from '../support/corpus';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLES: [string, FormatParser][] = [
  ['content/sample-frontmatter-transcript.md', frontmatterTranscript],
  ['content/sample-youtube-summary.txt', youtubeSummary],
  ['content/sample-insight-brief.txt', insightBrief],
  ['content/sample-article.txt', article],
];
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const parse = (rel: string, parser: FormatParser) => parser.parse(read(rel), { fileName: path.basename(rel) });
const labelled = (d: ParsedDocument) =>
  d.show === 'Ladder Samples' || /^Sample\b/.test(d.title) || /fictional sample/i.test(`${d.description ?? ''} ${d.summary ?? ''}`);

describe('app samples', () => {
  it.each(SAMPLES)('%s is detected, parses cleanly and is labelled as a sample', (rel, parser) => {
    expect(parser.detect(read(rel))).toBe(true);
    const d = parse(rel, parser);
    expect(d.warnings).toEqual([]);
    expect(labelled(d)).toBe(true);
  });

  it('has a realistically sized transcript and YouTube page', () => {
    const t = parse(SAMPLES[0]![0], frontmatterTranscript);
    expect(t.segments.length).toBeGreaterThanOrEqual(15);
    expect(t.segments.length).toBeLessThanOrEqual(25);
    expect(t.chapters.length).toBeGreaterThanOrEqual(4);
    expect(t.chapters.length).toBeLessThanOrEqual(6);
    const y = parse(SAMPLES[1]![0], youtubeSummary);
    expect(y.chapters).toHaveLength(5);
    expect(y.people.find((p) => p.role === 'guest')?.name).toBe('Tobias Ferrante');
  });

  it('gives topic tagging material (promo, PIP, tokenmaxxing, manager vs IC, leaving big tech)', () => {
    const all = SAMPLES.map(([rel]) => read(rel)).join('\n').toLowerCase();
    for (const topic of ['promo', 'pip', 'tokenmaxxing', 'leaderboard', 'manager', 'ic', 'big tech']) expect(all).toContain(topic);
  });
});

describe('no corpus text in the repository', () => {
  /** Any 10-word run of the corpus; a shared run that long would mean copied text. */
  const shingles = new Set<string>();
  const wordsOf = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  for (const f of corpusFiles()) {
    const w = wordsOf(readCorpusText(f));
    for (let i = 0; i + 10 <= w.length; i++) shingles.add(w.slice(i, i + 10).join(' '));
  }
  const fixtureDir = path.join(ROOT, 'tests/fixtures/formats');
  const ours = [...SAMPLES.map(([rel]) => rel), ...fs.readdirSync(fixtureDir).map((f) => path.join('tests/fixtures/formats', f))];

  it.each(ours)('%s shares no 10-word run with the corpus', (rel) => {
    const w = wordsOf(read(rel));
    const copied = w.map((_, i) => w.slice(i, i + 10).join(' ')).filter((s, i) => i + 10 <= w.length && shingles.has(s));
    expect(copied).toEqual([]);
  });
});
