import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { importPaths } from '@/db/import/run-import';
import { getDocumentBySlug } from '@/db/queries/documents';
import { frontmatterTranscript } from '../support/samples';
import { makeTempDir, writeFiles } from '../support/temp';

let tmp: ReturnType<typeof makeTempDir>;
let content: string;
let dbPath: string;

beforeEach(() => {
  tmp = makeTempDir();
  content = path.join(tmp.dir, 'content');
  dbPath = path.join(tmp.dir, 'test.db');
  fs.mkdirSync(content);
});
afterEach(() => tmp.cleanup());

const run = (paths = [content]) => importPaths({ paths, dbPath, rebuildIndex: false });

function counts() {
  const { sqlite } = openDatabase({ path: dbPath });
  try {
    const n = (t: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { documents: n('documents'), segments: n('segments'), chapters: n('chapters'), people: n('people'), speakers: n('document_speakers') };
  } finally {
    sqlite.close();
  }
}

describe('importer', () => {
  it('imports a transcript into rows with people, chapters, segments and topics', async () => {
    writeFiles(content, { 'episode.md': frontmatterTranscript() });
    const report = await run();
    expect(report.failed).toEqual([]);
    expect(report.documents).toHaveLength(1);
    const d = report.documents[0]!;
    expect(d).toMatchObject({ status: 'imported', format: 'frontmatter-transcript', kind: 'episode', chapters: 2, segments: 4 });
    expect(d.speakers).toEqual(['Jordan Blake', 'Priya Raman']);
    const ladderDb = openDatabase({ path: dbPath });
    try {
      const doc = getDocumentBySlug({ slug: d.slug, ladderDb })!;
      expect(doc.publishedOn).toBe('2024-02-03');
      expect(doc.people.map((p) => [p.name, p.role])).toEqual([
        ['Priya Raman', 'guest'],
        ['Jordan Blake', 'host'],
      ]);
      expect(doc.chapters.map((c) => c.topics[0])).toEqual(['pips', 'promotions']);
      expect(doc.segments[1]!.topics).toContain('pips');
    } finally {
      ladderDb.sqlite.close();
    }
    // the host and the guest, each under the label the transcript uses and the name the front matter gives
    expect(counts().speakers).toBe(4);
  });

  it('is idempotent: an unchanged file is skipped, a changed one replaced, a removed one deleted', async () => {
    writeFiles(content, { 'a.md': frontmatterTranscript(), 'b.md': frontmatterTranscript({ title: 'Second story', guest: 'Lee Okafor' }) });
    await run();
    const before = counts();
    const second = await run();
    expect(second.documents.map((d) => d.status)).toEqual(['unchanged', 'unchanged']);
    expect(counts()).toEqual(before);

    writeFiles(content, { 'a.md': frontmatterTranscript({ extraTurn: 'One more question about calibration.' }) });
    const third = await run();
    expect(third.documents.map((d) => d.status).sort()).toEqual(['unchanged', 'updated']);
    const updated = third.documents.find((d) => d.status === 'updated')!;
    expect(updated.segments).toBe(5);
    expect(counts().segments).toBe(before.segments + 1);
    expect(counts().speakers).toBe(before.speakers);

    fs.rmSync(path.join(content, 'b.md'));
    const fourth = await run();
    expect(fourth.removed.map((r) => path.basename(r.file))).toEqual(['b.md']);
    expect(counts()).toMatchObject({ documents: 1, segments: 5, people: 2 });
  });

  it('reports a broken file by name and line while the others import, keeping earlier rows intact', async () => {
    writeFiles(content, { 'good.md': frontmatterTranscript() });
    await run();
    const before = counts();
    writeFiles(content, {
      'good.md': frontmatterTranscript({ extraTurn: 'Changed text.' }),
      'bad-times.md': frontmatterTranscript({ title: 'Broken' }).replace('00:10:30', '00:75:30'),
      'binary.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
      'other.md': frontmatterTranscript({ title: 'Another good one', guest: 'Sam Ito' }),
    });
    const report = await run();
    const failed = Object.fromEntries(report.failed.map((f) => [path.basename(f.file), f]));
    expect(Object.keys(failed).sort()).toEqual(['bad-times.md', 'binary.txt']);
    expect(failed['bad-times.md']!.line).toBe(29);
    expect(failed['binary.txt']!.error).toMatch(/binary/);
    expect(report.documents.map((d) => path.basename(d.file)).sort()).toEqual(['good.md', 'other.md']);
    expect(counts().documents).toBe(before.documents + 1);
  });

  it('keeps both documents when two files claim the same slug, with a warning', async () => {
    writeFiles(content, { 'one.md': frontmatterTranscript(), 'two.md': frontmatterTranscript({ guest: 'Lee Okafor' }) });
    const report = await run();
    const slugs = report.documents.map((d) => d.slug);
    expect(new Set(slugs).size).toBe(2);
    expect(slugs[1]).toBe(`${slugs[0]}-2`);
    expect(report.documents[1]!.warnings.join(' ')).toMatch(/taken/);
  });

  it('shares one person row across documents (the host of both episodes)', async () => {
    writeFiles(content, { 'one.md': frontmatterTranscript(), 'two.md': frontmatterTranscript({ title: 'Other', guest: 'Lee Okafor' }) });
    await run();
    expect(counts().people).toBe(3);
  });
});
