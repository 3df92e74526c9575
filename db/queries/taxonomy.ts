import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { parseTaxonomy } from '@/lib/topics/taxonomy';

let matchers: Map<string, RegExp> | null = null;

function taxonomyFile(): string {
  const explicit = process.env.LADDER_TOPICS;
  // a runtime path, not a module: keep the bundler from tracing the whole project for it
  return explicit ? path.resolve(/*turbopackIgnore: true*/ explicit) : path.join(process.cwd(), 'content', 'topics.yaml');
}

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
      const file = taxonomyFile();
      for (const t of parseTaxonomy(fs.readFileSync(file, 'utf8'), file)) matchers.set(t.slug, t.matcher);
    } catch {
      // no taxonomy file next to the server: quotes still render, just less precisely
    }
  }
  return matchers.get(slug) ?? null;
}
