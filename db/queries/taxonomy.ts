import 'server-only';
import fs from 'node:fs';
import { parseTaxonomy, type Taxonomy } from '@/lib/topics/taxonomy';
import { resolveTaxonomyPath } from '../config';

let cached: Taxonomy | null | undefined;

/**
 * The taxonomy the importer tagged with, read once per process, so a page can
 * cut a quote around the phrases that made a passage on the topic. Without the
 * file next to the server, quotes fall back to a passage's first sentences
 * rather than failing the page.
 */
export function getTaxonomy(): Taxonomy | null {
  if (cached === undefined) {
    try {
      const file = resolveTaxonomyPath();
      cached = parseTaxonomy(fs.readFileSync(file, 'utf8'), file);
    } catch {
      cached = null;
    }
  }
  return cached;
}
