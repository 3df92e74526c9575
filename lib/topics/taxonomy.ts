import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { compileMatcher, type PhraseMatcher } from './matcher';

const phraseList = z.array(z.string().min(1)).default([]);

const topicSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]+$/, 'slug must be lowercase letters, digits and dashes'),
    name: z.string().min(1),
    description: z.string().min(1),
    /** name the topic on their own ("performance improvement plan") */
    phrases: phraseList,
    /** name it only beside a cue, or in a chapter about it ("PIP", "promotion", "M2") */
    weak: phraseList,
    /** context that makes a weak phrase count and a passage more squarely on the topic */
    cues: phraseList,
    /** other senses: a phrase inside one of these is not the topic ("promo code", "pip install") */
    senses: phraseList,
    /** words that, near a weak phrase, say it is used in another sense ("python" near "PIP") */
    against: phraseList,
  })
  .strict();

const taxonomySchema = z
  .object({
    'ladder-taxonomy': z.literal(1),
    /** cue lists shared by topics: a cue "@career" stands for the list named career */
    cues: z.record(z.string().regex(/^[a-z0-9-]+$/), phraseList).default({}),
    /** phrases of an ad or sponsor read: such a passage is never a quote */
    ads: phraseList,
    topics: z.array(topicSchema).min(1),
  })
  .strict();

export type TopicDefinition = z.infer<typeof topicSchema>;

export interface Taxonomy {
  topics: TopicDefinition[];
  matcher: PhraseMatcher;
}

/** True when a text is a Ladder taxonomy file rather than a document to import. */
export function isTaxonomyText(text: string): boolean {
  return /^ladder-taxonomy:\s*1\s*$/m.test(text.slice(0, 2000));
}

function expandCues(list: readonly string[], shared: Record<string, string[]>, where: string): string[] {
  return list.flatMap((c) => {
    if (!c.startsWith('@')) return [c];
    const named = shared[c.slice(1)];
    if (!named) throw new Error(`${where}: no shared cue list named ${c.slice(1)}`);
    return named;
  });
}

export function parseTaxonomy(text: string, file = 'topics.yaml'): Taxonomy {
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
  const { topics, cues, ads } = result.data;
  const slugs = new Set<string>();
  for (const t of topics) {
    if (slugs.has(t.slug)) throw new Error(`${file}: topic ${t.slug} is defined twice`);
    slugs.add(t.slug);
    if (t.phrases.length + t.weak.length === 0) throw new Error(`${file}: topic ${t.slug}: no phrases or weak phrases to find it by`);
  }
  const expanded = topics.map((t) => ({ ...t, cues: expandCues(t.cues, cues, `${file}: topic ${t.slug}`) }));
  return { topics: expanded, matcher: compileMatcher(expanded, ads, file) };
}
