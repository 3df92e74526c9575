import fs from 'node:fs';
import { parseTaxonomy, type Taxonomy } from '@/lib/topics/taxonomy';
import { WRITE, type Db } from '../client';
import { resolveTaxonomyPath } from '../config';
import { topics } from '../schema';

export function loadTaxonomy(file?: string): Taxonomy {
  const p = resolveTaxonomyPath(file);
  return parseTaxonomy(fs.readFileSync(p, 'utf8'), p);
}

/** Upserts the taxonomy's topics and returns slug → id. Topics are never deleted: links would dangle. */
export function syncTopics(db: Db, taxonomy: Taxonomy): Map<string, number> {
  const ids = new Map<string, number>();
  db.transaction((tx) => {
    for (const t of taxonomy.topics) {
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
