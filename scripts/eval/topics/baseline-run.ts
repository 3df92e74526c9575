import fs from 'node:fs';
import path from 'node:path';
import type { LadderDb } from '@/db/client';
import { quoteFromText } from './baseline/quotes';
import { tagSegment } from './baseline/tagger';
import { parseTaxonomy } from './baseline/taxonomy';

/** What a tagging method gives the eval: the ten quotes of each topic page, the turns it tags, the documents it counts. */
export interface TopicRun {
  pages: Map<string, { documentId: number; turn: number | null }[]>;
  /** "documentId:turn" of every tagged segment, per topic */
  tagged: Map<string, Set<string>>;
  docsOn: Map<string, Set<number>>;
}

interface Row {
  id: number;
  documentId: number;
  turn: number | null;
  text: string;
}

/**
 * Today's tagger before issue 13, as it was: one alternation regex per topic over
 * every segment (kept only here, for this comparison), its page order (best score, then
 * shortest, taken in turns from each document, duplicate quotes dropped), and a
 * document counted on a topic when any of its segments is tagged.
 */
export function baselineTopics(ladder: LadderDb, slugs: readonly string[]): TopicRun {
  const file = path.join(__dirname, 'baseline', 'topics.yaml');
  const taxonomy = parseTaxonomy(fs.readFileSync(file, 'utf8'), file).filter((t) => slugs.includes(t.slug));
  const rows = ladder.sqlite.prepare('SELECT id, document_id AS documentId, turn, text FROM segments ORDER BY document_id, ordinal').all() as Row[];
  const byTopic = new Map<string, { row: Row; score: number }[]>();
  for (const row of rows) {
    for (const t of tagSegment(row.text, taxonomy)) {
      const list = byTopic.get(t.slug) ?? [];
      list.push({ row, score: t.score });
      byTopic.set(t.slug, list);
    }
  }
  const run: TopicRun = { pages: new Map(), tagged: new Map(), docsOn: new Map() };
  for (const topic of taxonomy) {
    const hits = (byTopic.get(topic.slug) ?? []).sort((a, b) => b.score - a.score || a.row.text.length - b.row.text.length);
    run.tagged.set(topic.slug, new Set(hits.map((h) => `${h.row.documentId}:${h.row.turn}`)));
    run.docsOn.set(topic.slug, new Set(hits.map((h) => h.row.documentId)));
    const queues = new Map<number, Row[]>();
    for (const h of hits.slice(0, 400)) queues.set(h.row.documentId, [...(queues.get(h.row.documentId) ?? []), h.row]);
    const page: Row[] = [];
    const seen = new Set<string>();
    const lists = [...queues.values()];
    while (page.length < 10 && lists.some((q) => q.length > 0)) {
      for (const q of lists) {
        const next = q.shift();
        if (!next || page.length >= 10) continue;
        const quote = quoteFromText(next.text, topic.matcher);
        if (!quote || seen.has(quote)) continue;
        seen.add(quote);
        page.push(next);
      }
    }
    run.pages.set(topic.slug, page.map((r) => ({ documentId: r.documentId, turn: r.turn })));
  }
  return run;
}
