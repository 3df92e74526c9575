import 'server-only';
import { loadTaxonomy } from '../import/topics';

let matchers: Map<string, RegExp> | null = null;

/**
 * The taxonomy's matcher for a topic, used to pick the sentence of a tagged
 * segment that actually names the topic. Read once per process from the same
 * topics.yaml the importer used; without it, quotes fall back to a segment's
 * first sentence rather than failing the page.
 */
export function getTopicMatcher({ slug }: { slug: string }): RegExp | null {
  if (!matchers) {
    matchers = new Map();
    try {
      for (const t of loadTaxonomy()) matchers.set(t.slug, t.matcher);
    } catch {
      // no taxonomy file next to the server: quotes still render, just less precisely
    }
  }
  return matchers.get(slug) ?? null;
}
