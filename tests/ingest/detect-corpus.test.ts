import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '@/lib/ingest/detect';
import { corpusFiles, readCorpusText } from '../support/corpus';

/** Corpus files are recognised by content (names are meaningless), so expectations key on content too. */
function expectedCorpusFormat(text: string): string {
  if (text.startsWith('---\n')) return 'frontmatter-transcript';
  if (text.includes('AI-Generated Summary')) return 'youtube-summary';
  if (/^Related Insights$/m.test(text)) return 'insight-brief';
  return 'article';
}

const FIXTURES = path.resolve(__dirname, '../fixtures/formats');
const ROOT = path.resolve(__dirname, '../..');
const OURS: Record<string, string> = {
  'tests/fixtures/formats/fm-podcast-keys.md': 'frontmatter-transcript',
  'tests/fixtures/formats/fm-youtube-keys.md': 'frontmatter-transcript',
  'tests/fixtures/formats/fm-paren-hours.md': 'frontmatter-transcript',
  'tests/fixtures/formats/youtube-summary.txt': 'youtube-summary',
  'tests/fixtures/formats/insight-brief.txt': 'insight-brief',
  'tests/fixtures/formats/article.txt': 'article',
  'tests/fixtures/formats/note.txt': 'note',
  'content/sample-frontmatter-transcript.md': 'frontmatter-transcript',
  'content/sample-youtube-summary.txt': 'youtube-summary',
  'content/sample-insight-brief.txt': 'insight-brief',
  'content/sample-article.txt': 'article',
};

describe('detectFormat over the full registry', () => {
  it('has the four corpus files, one of each prose format', () => {
    expect(new Set(corpusFiles().map((f) => expectedCorpusFormat(readCorpusText(f)))).size).toBe(4);
  });

  it.each(corpusFiles().map((f) => [path.basename(f), f]))('corpus %s', (_name, file) => {
    const text = readCorpusText(file);
    expect(detectFormat(text).name).toBe(expectedCorpusFormat(text));
  });

  it('covers every fixture in tests/fixtures/formats', () => {
    const listed = fs.readdirSync(FIXTURES).map((f) => `tests/fixtures/formats/${f}`);
    expect(listed.filter((f) => !(f in OURS))).toEqual([]);
  });

  it.each(Object.entries(OURS))('%s → %s', (rel, format) => {
    expect(detectFormat(fs.readFileSync(path.join(ROOT, rel), 'utf8')).name).toBe(format);
  });
});
