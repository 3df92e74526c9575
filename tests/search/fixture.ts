import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type LadderDb } from '@/db/client';
import { chapterTopics, chapters, documentPeople, documents, meta, people, segmentTopics, segments, shows, topics } from '@/db/schema';
import { slugify } from '@/lib/slug';

/** A small archive written straight into a temporary database, for search tests. */
export interface FixtureSegment {
  text: string;
  speaker?: string;
  start?: number | null;
  topics?: Record<string, number>;
}
export interface FixtureChapter {
  title: string;
  /** titled by Ladder, not the source */
  generated?: boolean;
  topics?: Record<string, number>;
  segments: FixtureSegment[];
}
export interface FixtureDoc {
  slug: string;
  title: string;
  kind?: 'episode' | 'brief' | 'article' | 'note';
  show?: string;
  guests?: string[];
  hosts?: string[];
  /** segments outside any chapter */
  segments?: FixtureSegment[];
  chapters?: FixtureChapter[];
}

export const FIXTURE_TOPICS = [
  { slug: 'pips', name: 'PIPs' },
  { slug: 'promotions', name: 'Promotions' },
  { slug: 'layoffs', name: 'Layoffs' },
];

export function tempDbPath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-search-'));
  return path.join(dir, 'ladder.db');
}

export function makeFixtureDb(docs: FixtureDoc[], dbPath = tempDbPath()): LadderDb {
  const ladderDb = openDatabase({ path: dbPath });
  const { db } = ladderDb;
  db.transaction((tx) => {
    const topicId = new Map<string, number>();
    for (const t of FIXTURE_TOPICS) {
      topicId.set(t.slug, tx.insert(topics).values({ ...t, description: t.name }).returning({ id: topics.id }).get().id);
    }
    const personId = new Map<string, number>();
    const person = (name: string) => {
      let id = personId.get(name);
      if (id === undefined) personId.set(name, (id = tx.insert(people).values({ slug: slugify(name), name }).returning({ id: people.id }).get().id));
      return id;
    };
    const showId = new Map<string, number>();
    docs.forEach((d, i) => {
      let show: number | null = null;
      if (d.show) {
        show = showId.get(d.show) ?? tx.insert(shows).values({ slug: slugify(d.show), name: d.show }).returning({ id: shows.id }).get().id;
        showId.set(d.show, show);
      }
      const documentId = tx
        .insert(documents)
        .values({ slug: d.slug, kind: d.kind ?? 'episode', title: d.title, showId: show, sourcePath: `/fixture/${i}-${d.slug}`, contentHash: 'x', format: 'fixture', importedAt: '2025-01-01' })
        .returning({ id: documents.id })
        .get().id;
      for (const g of d.guests ?? []) tx.insert(documentPeople).values({ documentId, personId: person(g), role: 'guest' }).run();
      for (const h of d.hosts ?? []) tx.insert(documentPeople).values({ documentId, personId: person(h), role: 'host' }).run();
      let ordinal = 0;
      const addSegment = (s: FixtureSegment, chapterId: number | null) => {
        const id = tx
          .insert(segments)
          .values({ documentId, chapterId, ordinal: ordinal++, speakerPersonId: s.speaker ? person(s.speaker) : null, startSeconds: s.start ?? null, text: s.text })
          .returning({ id: segments.id })
          .get().id;
        for (const [slug, score] of Object.entries(s.topics ?? {})) tx.insert(segmentTopics).values({ segmentId: id, topicId: topicId.get(slug)!, score }).run();
      };
      for (const s of d.segments ?? []) addSegment(s, null);
      (d.chapters ?? []).forEach((c, ci) => {
        const chapterId = tx
          .insert(chapters)
          .values({ documentId, ordinal: ci, title: c.title, anchor: `ch-${ci}`, startSeconds: c.segments[0]?.start ?? null, generated: c.generated ?? false })
          .returning({ id: chapters.id })
          .get().id;
        for (const [slug, score] of Object.entries(c.topics ?? {})) tx.insert(chapterTopics).values({ chapterId, topicId: topicId.get(slug)!, score }).run();
        for (const s of c.segments) addSegment(s, chapterId);
      });
    });
    bumpVersion(tx as unknown as LadderDb['db']);
  });
  return ladderDb;
}

/** What the importer does after each committed import. */
export function bumpVersion(db: LadderDb['db']): void {
  db.insert(meta)
    .values({ key: 'content_version', value: '1' })
    .onConflictDoUpdate({ target: meta.key, set: { value: sql`CAST(${meta.value} AS INTEGER) + 1` } })
    .run();
}

export function removeDb(ladderDb: LadderDb): void {
  ladderDb.sqlite.close();
  fs.rmSync(path.dirname(ladderDb.path), { recursive: true, force: true });
}
