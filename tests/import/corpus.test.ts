import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type LadderDb } from '@/db/client';
import { importPaths, type ImportReport } from '@/db/import/run-import';
import { getDocumentBySlug } from '@/db/queries/documents';
import { CORPUS_DIR } from '../support/corpus';
import { makeTempDir } from '../support/temp';

let tmp: ReturnType<typeof makeTempDir>;
let dbPath: string;
let first: ImportReport;
let ladderDb: LadderDb;

beforeAll(async () => {
  tmp = makeTempDir();
  dbPath = path.join(tmp.dir, 'corpus.db');
  first = await importPaths({ paths: [CORPUS_DIR], dbPath, rebuildIndex: false });
  ladderDb = openDatabase({ path: dbPath });
});
afterAll(() => {
  ladderDb.sqlite.close();
  tmp.cleanup();
});

const byFormat = (format: string) => {
  const d = first.documents.find((x) => x.format === format);
  if (!d) throw new Error(`no ${format} document`);
  return { summary: d, doc: getDocumentBySlug({ slug: d.slug, ladderDb })! };
};

describe('importing the real corpus', () => {
  it('imports all four documents, each in its own format, with nothing failed', () => {
    expect(first.failed).toEqual([]);
    expect(first.documents.map((d) => d.format).sort()).toEqual(['article', 'frontmatter-transcript', 'insight-brief', 'youtube-summary']);
    expect(first.documents.every((d) => d.status === 'imported')).toBe(true);
  });

  it('gives the front-matter interview its chapters, turns, people and topics', () => {
    const { summary, doc } = byFormat('frontmatter-transcript');
    expect(summary.chapters).toBe(21);
    expect(summary.speakers).toEqual(['Ryan Peterman', 'Stefan Mai']);
    expect(doc.segments[0]!.startSeconds).toBe(59);
    expect(doc.segments[0]!.speaker).toBe('Ryan Peterman');
    const pip = doc.chapters.find((c) => c.title === 'Can you get out of a PIP?')!;
    expect(pip.startSeconds).toBe(4135);
    expect(pip.topics).toContain('pips');
    expect(doc.publishedOn).toBe('2025-08-15');
    expect(doc.durationSeconds).toBe(5460);
    expect(doc.show?.name).toBe('The Peterman Pod');
    expect(doc.people.map((p) => `${p.role}:${p.name}`).sort()).toEqual(['guest:Stefan Mai', 'host:Ryan Peterman']);
    const promo = doc.chapters.find((c) => /promo story/i.test(c.title))!;
    expect(promo.topics).toContain('promotions');
  });

  it('gives the YouTube summary its chapters, estimated segment times, guest and summary', () => {
    const { summary, doc } = byFormat('youtube-summary');
    expect(summary.chapters).toBe(19);
    expect(summary.durationSeconds).toBe(7036);
    const last = doc.chapters.at(-1)!;
    expect(last.title).toBe('Advice for new grads & past self');
    expect(last.startSeconds).toBe(6714);
    expect(doc.segments.every((s) => s.estimated && s.startSeconds !== null)).toBe(true);
    expect(doc.people.map((p) => `${p.role}:${p.name}`).sort()).toEqual(['guest:Evan King', 'host:Ryan Peterman']);
    expect(doc.summary).toMatch(/Key Takeaways?/);
    expect(doc.segments.some((s) => /Key Takeaway/.test(s.text))).toBe(false);
    expect(doc.chapters.filter((c) => c.topics.includes('promotions')).map((c) => c.title)).toEqual(
      expect.arrayContaining(['Mid-level promo', 'Senior promo', 'Staff promo']),
    );
  });

  it('tags the brief and the article with tokenmaxxing', () => {
    for (const format of ['insight-brief', 'article']) {
      const { doc } = byFormat(format);
      expect(doc.segments.some((s) => s.topics.includes('tokenmaxxing'))).toBe(true);
      expect(doc.segments.every((s) => s.startSeconds === null)).toBe(true);
    }
    expect(byFormat('insight-brief').doc.kind).toBe('brief');
    expect(byFormat('article').doc.kind).toBe('article');
  });

  it('shares the host across both interviews as one person', () => {
    const n = ladderDb.sqlite.prepare(`SELECT count(*) AS n FROM people WHERE name = 'Ryan Peterman'`).get() as { n: number };
    expect(n.n).toBe(1);
  });

  it('reports every file unchanged on a second run', async () => {
    const second = await importPaths({ paths: [CORPUS_DIR], ladderDb, rebuildIndex: false });
    expect(second.documents.map((d) => d.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(second.totals).toEqual(first.totals);
  });
});
