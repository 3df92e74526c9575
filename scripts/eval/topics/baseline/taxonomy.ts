import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const topicSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/, 'slug must be lowercase letters, digits and dashes'),
  name: z.string().min(1),
  description: z.string().min(1),
  phrases: z.array(z.string().min(1)).default([]),
  patterns: z.array(z.string().min(1)).default([]),
});

const taxonomySchema = z.object({
  'ladder-taxonomy': z.literal(1),
  topics: z.array(topicSchema).min(1),
});

export type TopicDefinition = z.infer<typeof topicSchema>;

export interface CompiledTopic extends TopicDefinition {
  matcher: RegExp;
}

/** True when a text is a Ladder taxonomy file rather than a document to import. */
export function isTaxonomyText(text: string): boolean {
  return /^ladder-taxonomy:\s*1\s*$/m.test(text.slice(0, 2000));
}

export function parseTaxonomy(text: string, file = 'topics.yaml'): CompiledTopic[] {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new Error(`${file}: not valid YAML: ${(err as Error).message}`);
  }
  const result = taxonomySchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid taxonomy'}`);
  }
  return result.data.topics.map((t) => ({ ...t, matcher: compileMatcher(t, file) }));
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Phrases match whole words, a trailing * any word ending; white space in a phrase matches any run of it. */
function phraseToRegex(phrase: string): string {
  const star = phrase.endsWith('*');
  const body = escapeRegex(star ? phrase.slice(0, -1) : phrase).replace(/\s+/g, '\\s+');
  return `\\b${body}${star ? '[\\w-]*' : '\\b'}`;
}

function compileMatcher(topic: TopicDefinition, file: string): RegExp {
  const parts = [...topic.phrases.map(phraseToRegex), ...topic.patterns.map((p) => `(?:${p})`)];
  try {
    return new RegExp(parts.join('|'), 'giu');
  } catch (err) {
    throw new Error(`${file}: topic ${topic.slug}: bad pattern: ${(err as Error).message}`);
  }
}
