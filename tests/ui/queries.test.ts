import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type LadderDb } from '@/db/client';
import { importPaths } from '@/db/import/run-import';
import { getArchiveCounts, getDocumentFacets } from '@/db/queries/archive';
import { getDocumentBySlug, listDocuments } from '@/db/queries/documents';
import { getPersonBySlug, listPeople } from '@/db/queries/people';
import { getTopicBySlug, listTopics } from '@/db/queries/topics';
import { CORPUS_DIR } from '../support/corpus';

// The page queries against the real corpus: what the browsing pages promise, without a browser.
let dir: string;
let ladderDb: LadderDb;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-ui-'));
  const dbPath = path.join(dir, 'ui.db');
  await importPaths({ paths: [CORPUS_DIR], dbPath, rebuildIndex: false });
  ladderDb = openDatabase({ path: dbPath, readonly: true });
});

afterAll(() => {
  ladderDb?.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('page queries on the corpus', () => {
  it('lists the four documents, dated ones first, and filters them', () => {
    const docs = listDocuments({ ladderDb });
    expect(docs).toHaveLength(4);
    expect(docs.slice(0, 2).every((d) => d.publishedOn)).toBe(true);
    expect(listDocuments({ ladderDb, filters: { kind: 'brief' } }).map((d) => d.kind)).toEqual(['brief']);
    expect(listDocuments({ ladderDb, filters: { guest: 'stefan-mai' } })).toHaveLength(1);
    expect(listDocuments({ ladderDb, filters: { topic: 'tokenmaxxing' } }).map((d) => d.kind).sort()).toEqual(['article', 'brief']);
    expect(listDocuments({ ladderDb, filters: { slugs: [] } })).toEqual([]);
    const facets = getDocumentFacets({ ladderDb });
    expect(facets.kind.find((k) => k.value === 'episode')?.count).toBe(2);
    expect(getArchiveCounts({ ladderDb }).documents).toBe(4);
  });

  it('quotes both the brief and the article on the tokenmaxxing topic', () => {
    const topic = getTopicBySlug({ slug: 'tokenmaxxing', ladderDb })!;
    const kinds = new Set(topic.quotes.map((q) => q.document.kind));
    expect(kinds).toContain('brief');
    expect(kinds).toContain('article');
    expect(topic.quotes.every((q) => q.quote.length > 0 && q.quote.length <= 300)).toBe(true);
    expect(getTopicBySlug({ slug: 'nope', ladderDb })).toBeNull();
  });

  it('puts “Can you get out of a PIP?” among the pips chapters, with its time', () => {
    const topic = getTopicBySlug({ slug: 'pips', ladderDb })!;
    const chapter = topic.chapters.find((c) => c.title === 'Can you get out of a PIP?');
    expect(chapter?.startSeconds).toBe(4135);
    expect(chapter?.guests.map((g) => g.slug)).toEqual(['stefan-mai']);
    const scores = topic.chapters.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(listTopics({ ladderDb }).find((t) => t.slug === 'promotions')!.quoteCount).toBeGreaterThan(10);
  });

  it('gives Stefan Mai’s career facts, appearance and quotes by topic', () => {
    const p = getPersonBySlug({ slug: 'stefan-mai', ladderDb })!;
    expect(p).toMatchObject({ biggestRole: 'Senior Engineering Manager at Meta', currentCompany: 'Hello Interview', careerStartYear: 2002, guestCount: 1 });
    expect(p.appearances[0]!.chapters.length).toBeGreaterThan(10);
    expect(p.quotesByTopic.length).toBeGreaterThan(0);
    expect(p.quotesByTopic.every((g) => g.quotes.length <= 3 && g.quotes.every((q) => q.attributed))).toBe(true);
    expect(listPeople({ ladderDb })[0]!.guestCount).toBeGreaterThan(0);
    expect(getPersonBySlug({ slug: 'nobody', ladderDb })).toBeNull();
  });

  it('quotes Evan King from his unattributed auto-captions, flagged as such', () => {
    const p = getPersonBySlug({ slug: 'evan-king', ladderDb })!;
    const quotes = p.quotesByTopic.flatMap((g) => g.quotes);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((q) => !q.attributed && q.estimated)).toBe(true);
  });

  it('keeps getDocumentBySlug’s shape for the CLI', () => {
    const [first] = listDocuments({ ladderDb });
    const doc = getDocumentBySlug({ slug: first!.slug, ladderDb })!;
    expect(Object.keys(doc).sort()).toEqual(
      ['chapters', 'description', 'durationSeconds', 'format', 'id', 'kind', 'mediaUrl', 'people', 'publishedOn', 'segments', 'show', 'slug', 'summary', 'title'].sort(),
    );
  });
});
