import fs from 'node:fs';
import path from 'node:path';
import { parseTaxonomy, type CompiledTopic } from '@/lib/topics/taxonomy';
import { WRITE, type Db } from '../client';
import { topics } from '../schema';

/** The taxonomy: LADDER_TOPICS, else content/topics.yaml of this project (used for any content folder). */
export function loadTaxonomy(file?: string): CompiledTopic[] {
  const p = path.resolve(file ?? process.env.LADDER_TOPICS ?? path.join(process.cwd(), 'content', 'topics.yaml'));
  return parseTaxonomy(fs.readFileSync(p, 'utf8'), p);
}

/** Upserts the taxonomy's topics and returns slug → id. Topics are never deleted: links would dangle. */
export function syncTopics(db: Db, taxonomy: readonly CompiledTopic[]): Map<string, number> {
  const ids = new Map<string, number>();
  db.transaction((tx) => {
    for (const t of taxonomy) {
      const row = tx
        .insert(topics)
        .values({ slug: t.slug, name: t.name, description: t.description })
        .onConflictDoUpdate({ target: topics.slug, set: { name: t.name, description: t.description } })
        .returning({ id: topics.id })
        .get();
      ids.set(t.slug, row.id);
    }
  }, WRITE);
  return ids;
}
