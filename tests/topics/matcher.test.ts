import { describe, expect, it } from 'vitest';
import { topicQuote } from '@/lib/topics/quote';
import { orderQuotes, strongestOfEachStory, type QuoteCandidate } from '@/lib/topics/pick-quotes';
import { parseTaxonomy } from '@/lib/topics/taxonomy';

const yaml = (topics: string) => `ladder-taxonomy: 1\ncues:\n  work: [manager, team]\ntopics:\n${topics}`;
const tax = parseTaxonomy(
  yaml(`  - slug: alpha
    name: Alpha
    description: A test topic.
    phrases: ["red fox", "blue*"]
    weak: [fox]
    cues: ["@work"]
    senses: ["fox news"]
    against: [zoo]
  - slug: beta
    name: Beta
    description: Another.
    phrases: ["red fox jumps"]
`),
);

const found = (text: string) => tax.matcher.scan(text).matches.map((m) => `${tax.topics[m.entry.topic]?.slug ?? 'ad'}:${m.entry.role}:${text.slice(m.start, m.end)}`);

describe('one pass over the words for every topic', () => {
  it('finds whole-word phrases, prefixes, overlapping phrases of several topics, case-insensitively', () => {
    expect(found('The RED fox jumps; bluebells and a blue sky.')).toEqual([
      'alpha:strong:RED fox',
      'beta:strong:RED fox jumps',
      'alpha:weak:fox',
      'alpha:strong:bluebells',
      'alpha:strong:blue',
    ]);
  });

  it('needs the words of a phrase next to each other, and whole words', () => {
    expect(found('red, the fox')).toEqual(['alpha:weak:fox']);
    expect(found('foxes redfox')).toEqual([]);
  });

  it('counts every word of the text for positions, known or not', () => {
    const { matches, words } = tax.matcher.scan('one two three fox five');
    expect(words).toBe(5);
    expect(matches[0]).toMatchObject({ from: 3, to: 3, start: 14, end: 17 });
  });

  it('refuses a taxonomy it cannot read, naming the file and the topic', () => {
    expect(() => parseTaxonomy(yaml(`  - slug: a\n    name: A\n    description: d\n    patterns: ['x+']\n`), 'my.yaml')).toThrow(/my\.yaml: .*patterns/);
    expect(() => parseTaxonomy(yaml(`  - slug: a\n    name: A\n    description: d\n    cues: ["@nope"]\n    phrases: [x]\n`), 'my.yaml')).toThrow(
      /my\.yaml: topic a: no shared cue list named nope/,
    );
    expect(() => parseTaxonomy(yaml(`  - slug: a\n    name: A\n    description: d\n`), 'my.yaml')).toThrow(/topic a: no phrases/);
  });
});

describe('quotes', () => {
  it('cuts one to three sentences around the point, not the first sentence', () => {
    const text = 'We talked about the weather for a while. It rained. Then the red fox came up, the manager said so. That was all. The end came much later.';
    const q = topicQuote(text, tax, 'alpha');
    expect(q.text).toBe('Then the red fox came up, the manager said so. That was all. The end came much later.');
    expect(q.start).toBe(text.indexOf('Then'));
  });

  it('falls back to the opening sentences without a taxonomy', () => {
    expect(topicQuote('First one. Second one.', null, 'alpha').text).toBe('First one. Second one.');
  });
});

const c = (documentId: number, ordinal: number, score: number, extra: Partial<QuoteCandidate> = {}): QuoteCandidate => ({
  documentId,
  ordinal,
  chapterId: null,
  score,
  role: 'guest',
  publishedOn: null,
  ...extra,
});

describe('choosing and ordering quotes', () => {
  it('keeps the strongest passage of each story, a guest over a host at the same strength', () => {
    const picked = strongestOfEachStory([c(1, 10, 0.5), c(1, 11, 0.8), c(1, 12, 0.6), c(1, 40, 0.3), c(2, 3, 0.7, { role: 'host' }), c(2, 4, 0.7)]);
    expect(picked.map((p) => `${p.documentId}:${p.ordinal}:${p.role}`).sort()).toEqual(['1:11:guest', '1:40:guest', '2:4:guest']);
  });

  it('gives every document a turn before a third quote from one', () => {
    const order = orderQuotes([c(1, 1, 0.9), c(1, 2, 0.9), c(1, 3, 0.9), c(2, 1, 0.2), c(3, 1, 0.1)], 'score');
    expect(order.map((o) => `${o.documentId}:${o.ordinal}`)).toEqual(['1:1', '1:2', '2:1', '3:1', '1:3']);
  });

  it('sorts newest first on request', () => {
    const order = orderQuotes([c(1, 1, 0.9, { publishedOn: '2020-01-01' }), c(2, 1, 0.1, { publishedOn: '2024-05-01' })], 'newest');
    expect(order.map((o) => o.documentId)).toEqual([2, 1]);
  });
});
