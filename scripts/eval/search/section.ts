import fs from 'node:fs';
import path from 'node:path';
import type { LadderDb } from '@/db/client';
import { tokenize } from '@/lib/search/tokenize';
import { table } from '../../bench/stats';
import type { EvalArchive } from '../archive';
import { refKey, refOfSegment, resolveTurn, type TurnRef } from '../refs';
import type { EvalSection } from '../sections';
import { Fts5Porter } from './fts';
import { buildLegacySearch } from './legacy';
import { SearchEngine } from '@/lib/search/engine';
import { DEFAULT_RANK, type RankOptions } from '@/lib/search/tiers';
import { currentSearch, engineMethod, type Method } from './methods';
import { mean, ndcg, precision } from './metrics';

export interface Judgment extends TurnRef {
  grade: number;
  /** 2: graded in the blind second round (passages the first pool had not reached) */
  round?: number;
}
export interface JudgedQuery {
  q: string;
  type: string;
  intent: string;
  judgments: Judgment[];
}

const FIXTURE = path.join(process.cwd(), 'tests', 'fixtures', 'eval', 'search', 'judgments.json');
const DEPTH = 10;
/** how far down a ranking is read to find DEPTH judged passages for the condensed list */
const READ = 50;

export function loadJudgedQueries(): JudgedQuery[] {
  return (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { queries: JudgedQuery[] }).queries;
}

interface QueryScore {
  /** nDCG@10 over the condensed list: the ranking with the passages nobody judged left out */
  ndcg: number;
  p5: number;
  /** nDCG@10 over the ranking as it is, a passage nobody judged counting as not relevant */
  ndcgAsIs: number;
  /** places in the top 10 holding a passage nobody judged */
  unjudged: number;
}

/**
 * Turns a method's ranking into grades: each place holds one passage (a turn);
 * a second segment of a turn already shown, or a text already shown elsewhere
 * (the same passage in two places), gains nothing, as a reader gains nothing
 * from seeing it again. `null` marks a passage nobody judged.
 */
function gradesOf(ladder: LadderDb, ids: readonly number[], judged: Map<string, number>, textOf: (id: number) => string): (number | null)[] {
  const seenTurns = new Set<string>();
  const seenTexts = new Set<string>();
  return ids.map((id) => {
    const ref = refOfSegment(ladder, id);
    const key = ref ? refKey(ref) : `segment:${id}`;
    const text = textOf(id);
    const again = seenTurns.has(key) || seenTexts.has(text);
    seenTurns.add(key);
    seenTexts.add(text);
    if (again) return 0;
    return judged.get(key) ?? null;
  });
}

/**
 * Judgments are incomplete: they were pooled from the first places of three
 * rankings, and a changed ranking brings up passages nobody read. Scoring
 * those as irrelevant would punish any change; the condensed list (Sakai,
 * 2007) leaves them out and reads on to the next judged passage, for every
 * method alike. The plain score, unjudged as 0, is printed beside it.
 */
function scoreOf(all: readonly (number | null)[], ideal: readonly number[]): QueryScore {
  const condensed = all.filter((g): g is number => g !== null).slice(0, DEPTH);
  const asIs = all.slice(0, DEPTH).map((g) => g ?? 0);
  return {
    ndcg: ndcg(condensed, ideal, DEPTH),
    p5: precision(condensed, 5),
    ndcgAsIs: ndcg(asIs, ideal, DEPTH),
    unjudged: all.slice(0, DEPTH).filter((g) => g === null).length,
  };
}

/** Scores every method on every judged query; prints the tables; returns overall means and per-query scores. */
export function judgeMethods(ladder: LadderDb, methods: readonly Method[], queries: readonly JudgedQuery[], log: (line: string) => void) {
  const textStmt = ladder.sqlite.prepare('SELECT text FROM segments WHERE id = ?');
  const textCache = new Map<number, string>();
  const textOf = (id: number) => {
    let t = textCache.get(id);
    if (t === undefined) textCache.set(id, (t = tokenize((textStmt.get(id) as { text: string } | undefined)?.text ?? '').join(' ')));
    return t;
  };
  let unresolved = 0;
  const scores = methods.map(() => [] as QueryScore[]);
  const rows: string[][] = [];
  for (const jq of queries) {
    const judged = new Map<string, number>();
    // the ideal ranking counts a text found in two places once, as the rankings do
    const idealTexts = new Map<string, number>();
    for (const j of jq.judgments) {
      judged.set(refKey(j), j.grade);
      const turn = resolveTurn(ladder, j);
      if (!turn) {
        unresolved++;
        idealTexts.set(refKey(j), j.grade);
        continue;
      }
      const text = tokenize(turn.text).join(' ');
      idealTexts.set(text, Math.max(idealTexts.get(text) ?? 0, j.grade));
    }
    const ideal = [...idealTexts.values()];
    const row = [jq.q, jq.type, String(ideal.filter((g) => g >= 2).length)];
    const nd: string[] = [];
    const pr: string[] = [];
    const un: string[] = [];
    methods.forEach((m, i) => {
      const s = scoreOf(gradesOf(ladder, m.search(jq.q, READ), judged, textOf), ideal);
      scores[i]!.push(s);
      nd.push(s.ndcg.toFixed(2));
      pr.push(s.p5.toFixed(1));
      un.push(String(s.unjudged));
    });
    rows.push([...row, nd.join(' / '), pr.join(' / '), un.join(' / ')]);
  }
  const names = methods.map((m) => m.name).join(' / ');
  log(table(['query', 'type', 'relevant', `nDCG@10 ${names}`, `P@5 ${names}`, `unjudged in top 10`], rows));
  const overall = scores.map((s) => ({ ndcg: mean(s.map((x) => x.ndcg)), p5: mean(s.map((x) => x.p5)), ndcgAsIs: mean(s.map((x) => x.ndcgAsIs)) }));
  log(`\noverall (mean of ${queries.length} queries; nDCG@10 and P@5 on condensed lists, then nDCG@10 with unjudged passages as not relevant)`);
  log(
    table(
      ['method', 'nDCG@10', 'P@5', 'nDCG@10 unjudged = 0', 'unjudged in top 10'],
      methods.map((m, i) => [m.name, overall[i]!.ndcg.toFixed(3), overall[i]!.p5.toFixed(3), overall[i]!.ndcgAsIs.toFixed(3), String(scores[i]!.reduce((s, x) => s + x.unjudged, 0))]),
    ),
  );
  if (unresolved > 0) log(`\n${unresolved} judged passages do not resolve to a segment of this archive (their file or turn is missing)`);
  return { overall, scores, unresolved };
}

/** Overall scores only (for comparing variants of the ranking). */
function judgeQuietly(ladder: LadderDb, methods: readonly Method[], queries: readonly JudgedQuery[]) {
  return judgeMethods(ladder, methods, queries, () => {}).overall;
}

export const searchSection: EvalSection = {
  name: 'search',
  async run(archive: EvalArchive): Promise<boolean> {
    const { ladder } = archive;
    const queries = loadJudgedQueries();
    const fts = new Fts5Porter(ladder.sqlite);
    const legacy = buildLegacySearch(ladder);
    const methods: Method[] = [
      currentSearch(ladder),
      { name: 'fts5', search: (q, k) => fts.search(q, k) },
      { name: 'b601ecc', search: (q, k) => legacy.search(q, k) },
    ];
    console.log(
      `Judged passages from ../shared (tests/fixtures/eval/search/judgments.json): ${queries.length} queries, ${queries.reduce((s, q) => s + q.judgments.length, 0)} passages graded 0–3.`,
      `\nladder = this engine; fts5 = SQLite FTS5, porter unicode61, bm25, words ANDed; b601ecc = the engine before this ranking (one score, every word a prefix).`,
    );
    const { overall, scores, unresolved } = judgeMethods(ladder, methods, queries, (l) => console.log(l));
    const [ladderScore, ftsScore, oldScore] = [overall[0]!, overall[1]!, overall[2]!];
    const worst = Math.max(...scores[1]!.map((f, i) => f.ndcg - scores[0]![i]!.ndcg));
    const checks: [string, boolean][] = [
      ['every judged passage resolves to a segment', unresolved === 0],
      [`nDCG@10 at least 0.1 above FTS5 (${ladderScore.ndcg.toFixed(3)} vs ${ftsScore.ndcg.toFixed(3)})`, ladderScore.ndcg >= ftsScore.ndcg + 0.1],
      [`nDCG@10 at least 0.1 above b601ecc (${ladderScore.ndcg.toFixed(3)} vs ${oldScore.ndcg.toFixed(3)})`, ladderScore.ndcg >= oldScore.ndcg + 0.1],
      [`no query more than 0.1 below FTS5 (worst: ${worst.toFixed(2)} below)`, worst <= 0.1],
    ];
    console.log('\nthe ranking without one of its rules, or with another choice (same judged set):');
    const store = (methods[0] as ReturnType<typeof currentSearch>).engine.store;
    const variants: [string, Partial<RankOptions>][] = [
      ['as shipped', {}],
      ['no substance tier', { order: DEFAULT_RANK.order.filter((t) => t !== 'substance') }],
      ['no proximity tier', { order: DEFAULT_RANK.order.filter((t) => t !== 'proximity') }],
      ['no context tier', { order: DEFAULT_RANK.order.filter((t) => t !== 'context') }],
      ['no whole-word tier', { order: DEFAULT_RANK.order.filter((t) => t !== 'whole') }],
      ['no role tier', { order: DEFAULT_RANK.order.filter((t) => t !== 'role') }],
      ['whole words before proximity', { order: ['words', 'typos', 'whole', 'proximity', 'context', 'substance', 'band', 'role'] }],
      ['BM25 b = 0.75', { b: 0.75 }],
      ['generated chapter titles as context', { generatedContext: true }],
      ['substance before context', { order: ['words', 'typos', 'proximity', 'substance', 'context', 'whole', 'band', 'role'] }],
    ];
    const ablation = judgeQuietly(ladder, variants.map(([name, o]) => engineMethod(name, new SearchEngine(store, { ...DEFAULT_RANK, ...o }))), queries);
    console.log(table(['variant', 'nDCG@10', 'P@5', 'nDCG@10 unjudged = 0'], ablation.map((a, i) => [variants[i]![0], a.ndcg.toFixed(3), a.p5.toFixed(3), a.ndcgAsIs.toFixed(3)])));
    console.log('\ntargets:');
    for (const [name, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}`);
    return checks.every(([, ok]) => ok);
  },
};
