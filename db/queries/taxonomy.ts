import 'server-only';
import fs from 'node:fs';
import { parseTaxonomy } from '@/lib/topics/taxonomy';
import { resolveTaxonomyPath } from '../config';

let matchers: Map<string, RegExp> | null = null;

/**
 * The taxonomy's matcher for a topic, used to pick the sentence of a tagged
 * segment that actually names the topic. Read once per process from the same
 * topics.yaml the importer uses; without it, quotes fall back to a segment's
 * first sentence rather than failing the page.
 */
export function getTopicMatcher({ slug }: { slug: string }): RegExp | null {
  if (!matchers) {
    matchers = new Map();
    try {
      const file = resolveTaxonomyPath();
      for (const t of parseTaxonomy(fs.readFileSync(file, 'utf8'), file)) matchers.set(t.slug, t.matcher);
    } catch {
      // no taxonomy file next to the server: quotes still render, just less precisely
    }
  }
  return matchers.get(slug) ?? null;
}
