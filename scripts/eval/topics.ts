/**
 * `npm run eval` section "topics": precision@10 of every topic page (the ten
 * quotes the page shows first, judged by the labels in tests/fixtures/eval/topics),
 * the share of each archive's documents on each topic, and how the tagger does on
 * every labelled passage — beside the old regex tagger (scripts/eval/topics/baseline)
 * run over the same imported segments.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LadderDb } from '@/db/client';
import { getTopicBySlug } from '@/db/queries/topics';
import type { EvalArchive } from './archive';
import { SHARED_DIR, type TurnRef } from './refs';
import type { EvalSection } from './sections';
import { baselineTopics, type TopicRun } from './topics/baseline-run';

const FIXTURES = path.join(process.cwd(), 'tests', 'fixtures', 'eval', 'topics');
const P_AT_10 = 0.9;
const MIN_POSITIVES = 10;
const MAX_SHARE = 1 / 3;

interface LabelFile {
  topic: string;
  labels: (TurnRef & { on: boolean })[];
}

type Judge = (documentId: number, turn: number | null) => boolean | undefined;

function loadLabels(ladder: LadderDb): { slug: string; judge: Judge; positives: number; resolved: number; total: number; unresolved: string[] }[] {
  const docs = new Map<string, { id: number; format: string }>();
  for (const d of ladder.sqlite.prepare('SELECT id, source_path AS p, format FROM documents').all() as { id: number; p: string; format: string }[]) {
    docs.set(path.relative(SHARED_DIR, d.p), { id: d.id, format: d.format });
  }
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')) as LabelFile;
      const byKey = new Map<string, boolean>();
      const unresolved: string[] = [];
      let positives = 0;
      for (const l of file.labels) {
        const doc = docs.get(l.file);
        // a Changelog file read as plain notes numbers paragraphs, not turns: its labels cannot be placed
        if (!doc || doc.format === 'note') {
          unresolved.push(`${l.file}#${l.turn}`);
          continue;
        }
        byKey.set(`${doc.id}:${l.turn}`, l.on);
        if (l.on) positives++;
      }
      const judge: Judge = (documentId, turn) => (turn === null ? undefined : byKey.get(`${documentId}:${turn}`));
      return { slug: file.topic, judge, positives, resolved: byKey.size, total: file.labels.length, unresolved };
    });
}

/** The ten quotes each topic page shows first, as (document, turn), from the real page query. */
function ladderRun(ladder: LadderDb, slugs: string[]): TopicRun {
  const turnOf = ladder.sqlite.prepare('SELECT s.document_id AS documentId, s.turn FROM segments s JOIN documents d ON d.id = s.document_id WHERE d.slug = ? AND s.ordinal = ?');
  const pages = new Map<string, { documentId: number; turn: number | null }[]>();
  for (const slug of slugs) {
    const topic = getTopicBySlug({ slug, quoteLimit: 10, ladderDb: ladder });
    pages.set(slug, (topic?.quotes ?? []).map((q) => turnOf.get(q.document.slug, q.ordinal) as { documentId: number; turn: number | null }));
  }
  const tagged = new Map<string, Set<string>>();
  for (const r of ladder.sqlite
    .prepare('SELECT t.slug, s.document_id AS d, s.turn FROM segment_topics st JOIN segments s ON s.id = st.segment_id JOIN topics t ON t.id = st.topic_id')
    .all() as { slug: string; d: number; turn: number | null }[]) {
    const set = tagged.get(r.slug) ?? new Set<string>();
    set.add(`${r.d}:${r.turn}`);
    tagged.set(r.slug, set);
  }
  const docsOn = new Map<string, Set<number>>();
  for (const r of ladder.sqlite.prepare('SELECT t.slug, dt.document_id AS d FROM document_topics dt JOIN topics t ON t.id = dt.topic_id').all() as { slug: string; d: number }[]) {
    docsOn.set(r.slug, (docsOn.get(r.slug) ?? new Set()).add(r.d));
  }
  return { pages, tagged, docsOn };
}

/** Documents per archive: the folders directly under ../shared (corpus) and ../shared/real (changelog, …). */
function archivesOf(ladder: LadderDb): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const d of ladder.sqlite.prepare('SELECT id, source_path AS p FROM documents').all() as { id: number; p: string }[]) {
    const parts = path.relative(SHARED_DIR, d.p).split(path.sep);
    const name = parts[0] === 'real' ? (parts[1] ?? 'real') : (parts[0] ?? '?');
    out.set(name, (out.get(name) ?? new Set()).add(d.id));
  }
  return out;
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const pad = (s: string, n: number) => s.padEnd(n);

function runSection(archive: EvalArchive): boolean {
  const ladder = archive.ladder;
  const labels = loadLabels(ladder);
  const slugs = labels.map((l) => l.slug);
  const started = performance.now();
  const ours = ladderRun(ladder, slugs);
  const oursMs = performance.now() - started;
  const t1 = performance.now();
  const base = baselineTopics(ladder, slugs);
  const baseMs = performance.now() - t1;
  const archives = archivesOf(ladder);
  let ok = true;
  console.log(`labels: ${labels.reduce((s, l) => s + l.resolved, 0)} of ${labels.reduce((s, l) => s + l.total, 0)} passages placed in the archive`);
  const unplaced = labels.flatMap((l) => l.unresolved);
  if (unplaced.length > 0) console.log(`  not placed (file not imported, or read as notes): ${unplaced.length}, e.g. ${unplaced.slice(0, 3).join(', ')}`);
  console.log(`page queries ${oursMs.toFixed(0)} ms; old tagger over every segment ${(baseMs / 1000).toFixed(1)} s\n`);
  console.log('precision@10 of each topic page (on-topic / judged of the ten quotes shown), ladder vs old tagger');
  console.log(`${pad('topic', 22)}${pad('on-topic labels', 17)}${pad('ladder P@10', 20)}${pad('old P@10', 20)}target`);
  for (const l of labels) {
    const p = (run: TopicRun) => {
      const shown = run.pages.get(l.slug) ?? [];
      const judged = shown.map((q) => l.judge(q.documentId, q.turn)).filter((v): v is boolean => v !== undefined);
      const on = judged.filter(Boolean).length;
      return { value: judged.length ? on / judged.length : NaN, text: `${on}/${judged.length} (${shown.length} shown)` };
    };
    const ourP = p(ours);
    const baseP = p(base);
    const applies = l.positives >= MIN_POSITIVES;
    const met = !applies || ourP.value >= P_AT_10;
    if (!met) ok = false;
    console.log(`${pad(l.slug, 22)}${pad(String(l.positives), 17)}${pad(ourP.text, 20)}${pad(baseP.text, 20)}${applies ? (met ? `≥ ${P_AT_10} met` : `≥ ${P_AT_10} MISSED`) : `n/a (< ${MIN_POSITIVES} on-topic labels)`}`);
  }
  console.log('\nshare of each archive\'s documents on each topic, ladder vs old tagger (old: any tagged segment)');
  const names = [...archives.keys()].sort();
  console.log(`${pad('topic', 22)}${names.map((n) => pad(`${n} (${archives.get(n)!.size})`, 30)).join('')}`);
  for (const l of labels) {
    const cells = names.map((n) => {
      const docs = archives.get(n)!;
      const share = (run: TopicRun) => [...(run.docsOn.get(l.slug) ?? [])].filter((d) => docs.has(d)).length / docs.size;
      const ourShare = share(ours);
      // the corpus is an archive about these topics; every other archive is not
      if (n !== 'corpus' && ourShare > MAX_SHARE) ok = false;
      return pad(`${pct(ourShare)} vs ${pct(share(base))}`, 30);
    });
    console.log(`${pad(l.slug, 22)}${cells.join('')}`);
  }
  console.log('\nevery labelled passage: tagged on-topic / all on-topic (recall), wrongly tagged / all off-topic');
  console.log(`${pad('topic', 22)}${pad('ladder recall', 16)}${pad('ladder false +', 17)}${pad('old recall', 14)}old false +`);
  for (const l of labels) {
    const cells = [ours, base].map((run) => {
      const set = run.tagged.get(l.slug) ?? new Set<string>();
      let tp = 0;
      let fp = 0;
      let neg = 0;
      for (const key of set) {
        const [d, t] = key.split(':');
        const v = l.judge(Number(d), t === 'null' ? null : Number(t));
        if (v === true) tp++;
        if (v === false) fp++;
      }
      neg = l.resolved - l.positives;
      return [`${tp}/${l.positives}`, `${fp}/${neg}`];
    });
    console.log(`${pad(l.slug, 22)}${pad(cells[0]![0]!, 16)}${pad(cells[0]![1]!, 17)}${pad(cells[1]![0]!, 14)}${cells[1]![1]}`);
  }
  // EVAL_TOPICS_PAGES=1 lists every page's quotes with their judgement; unjudged ones need reading and a label
  if (process.env.EVAL_TOPICS_PAGES || process.env.EVAL_TOPICS_UNJUDGED) {
    const sourceOf = ladder.sqlite.prepare('SELECT source_path AS p FROM documents WHERE id = ?');
    for (const l of labels) {
      for (const q of ours.pages.get(l.slug) ?? []) {
        const v = l.judge(q.documentId, q.turn);
        if (v !== undefined && !process.env.EVAL_TOPICS_PAGES) continue;
        const p = (sourceOf.get(q.documentId) as { p: string }).p;
        console.log(`${v === undefined ? 'unjudged' : v ? 'on' : 'off'} ${l.slug}: ${path.relative(SHARED_DIR, p)}#${q.turn}`);
      }
    }
  }
  return ok;
}

export const topicsSection: EvalSection = {
  name: 'topics',
  run: async (archive) => runSection(archive),
};
