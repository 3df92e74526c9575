/**
 * How the judged passages were chosen (run by hand, not by `npm run eval`):
 * `npx tsx --conditions=react-server scripts/eval/search/pool.ts OUT.txt [DB]`
 * writes, for every query in tests/fixtures/eval/search/queries.json, the union
 * of the top passages of each method (FTS5 porter bm25, the engine at b601ecc,
 * and the current engine), plus the places that hold a multi-word query as
 * written, each with its file, turn and text, for a person to grade. The text
 * goes to OUT (outside the repository), never into the fixtures.
 *
 * Before Ladder read the Changelog dialect, the archive was loaded here with an
 * independent turn splitter (raw-turns.ts), so refs are file and turn either way.
 *
 * POOL_ROUND=2 (with DB an archive imported by Ladder) is the second, blind
 * round: for every query, the passages in the top 10 of any method that nobody
 * has judged yet, shuffled, without saying which method returned them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type LadderDb } from '@/db/client';
import { importPaths } from '@/db/import/run-import';
import { bumpContentVersion } from '@/db/import/write-document';
import { documents, people, segments } from '@/db/schema';
import { slugify } from '@/lib/slug';
import { refOfSegment, SHARED_DIR, type TurnRef } from '../refs';
import { Fts5Porter } from './fts';
import { buildLegacySearch } from './legacy';
import { changelogFiles, readRawTurns } from './raw-turns';
import { currentSearch, type Method } from './methods';

/** Each method's top this many, deepened or trimmed per query so that 10 to 20 passages are pooled. */
const DEPTH = Number(process.env.POOL_DEPTH ?? 8);
const MIN_POOL = 10;
const MAX_POOL = 20;

interface Query {
  q: string;
  type: string;
  judgments?: TurnRef[];
}

function blindRound(ladder: LadderDb, methods: Method[], queries: Query[], row: (id: number) => { text: string; speaker: string | null }, lines: string[]): void {
  let seed = 20261129;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (const { q, judgments = [] } of queries) {
    const judged = new Set(judgments.map((j) => `${j.file}#${j.turn}`));
    const fresh = new Map<string, { ref: TurnRef; id: number }>();
    for (const m of methods) {
      for (const id of m.search(q, 10)) {
        const ref = refOfSegment(ladder, id);
        if (ref && !judged.has(`${ref.file}#${ref.turn}`)) fresh.set(`${ref.file}#${ref.turn}`, { ref, id });
      }
    }
    const shuffled = [...fresh.values()].map((x) => ({ x, k: random() })).sort((a, b) => a.k - b.k).map((e) => e.x);
    lines.push(`\n######## ${q}  (${shuffled.length} passages)`);
    for (const { ref, id } of shuffled) {
      const r = row(id);
      lines.push(`--- ${ref.file} ${ref.turn}  ${r.speaker ?? ''}`, r.text.length > 2400 ? `${r.text.slice(0, 2400)} …[${r.text.length} chars]` : r.text);
    }
  }
}

async function loadPoolDb(dbPath: string): Promise<LadderDb> {
  if (fs.existsSync(dbPath)) return openDatabase({ path: dbPath });
  await importPaths({ paths: [path.join(SHARED_DIR, 'corpus')], dbPath, rebuildIndex: false });
  const ladder = openDatabase({ path: dbPath });
  const { db } = ladder;
  db.transaction((tx) => {
    const personIds = new Map<string, number>();
    const person = (name: string) => {
      let id = personIds.get(name);
      if (id === undefined) {
        id = tx.insert(people).values({ slug: `pool-${slugify(name)}`, name }).onConflictDoNothing().returning({ id: people.id }).get()?.id;
        personIds.set(name, id!);
      }
      return id!;
    };
    for (const file of changelogFiles(path.join(SHARED_DIR, 'real', 'changelog'))) {
      const rel = path.relative(SHARED_DIR, file);
      const documentId = tx
        .insert(documents)
        .values({ slug: slugify(rel), kind: 'episode', title: path.basename(file, '.md'), sourcePath: file, contentHash: 'pool', format: 'pool', importedAt: '2025-01-01' })
        .returning({ id: documents.id })
        .get().id;
      for (const t of readRawTurns(file)) {
        const isBreak = /^break$/i.test(t.speaker);
        tx.insert(segments)
          .values({ documentId, ordinal: t.turn, turn: t.turn, text: t.text || '-', speakerLabel: t.speaker, speakerPersonId: isBreak ? null : person(t.speaker), kind: isBreak ? 'break' : 'speech' })
          .run();
      }
    }
    bumpContentVersion(tx);
  });
  return ladder;
}

async function main(): Promise<void> {
  const [out, dbArg] = process.argv.slice(2);
  if (!out) throw new Error('usage: pool.ts OUT.txt [DB]');
  const dbPath = dbArg ?? path.join(os.tmpdir(), 'ladder-search-pool.db');
  const ladder = await loadPoolDb(dbPath);
  const queries = (JSON.parse(fs.readFileSync(path.join(process.cwd(), 'tests/fixtures/eval/search/judgments.json'), 'utf8')) as { queries: Query[] }).queries;
  const fts = new Fts5Porter(ladder.sqlite);
  const legacy = buildLegacySearch(ladder);
  const methods: Method[] = [
    { name: 'fts5', search: (q, k) => fts.search(q, k) },
    { name: 'b601ecc', search: (q, k) => legacy.search(q, k) },
  ];
  if (process.env.POOL_CURRENT !== '0') methods.push(currentSearch(ladder));
  const text = ladder.sqlite.prepare('SELECT text, speaker_label AS speaker FROM segments WHERE id = ?');
  const lines: string[] = [];
  if (process.env.POOL_ROUND === '2') {
    blindRound(ladder, methods, queries, (id) => text.get(id) as { text: string; speaker: string | null }, lines);
    fs.writeFileSync(out, lines.join('\n'));
    ladder.sqlite.close();
    return;
  }
  for (const { q } of queries) {
    const poolAt = (depth: number) => {
      const pooled = new Map<string, { ref: TurnRef; id: number; from: string[] }>();
      const add = (id: number, from: string) => {
        const ref = refOfSegment(ladder, id);
        if (!ref) return;
        const key = `${ref.file}#${ref.turn}`;
        const entry = pooled.get(key) ?? { ref, id, from: [] };
        entry.from.push(from);
        pooled.set(key, entry);
      };
      for (const m of methods) m.search(q, depth).forEach((id, i) => add(id, `${m.name}@${i + 1}`));
      // places that say a multi-word query as written, wherever the methods ranked them
      if (q.split(/\s+/).length > 1) for (const id of fts.search(`"${q}"`, 4)) add(id, 'phrase');
      return pooled;
    };
    let depth = DEPTH;
    let pooled = poolAt(depth);
    while (pooled.size < MIN_POOL && depth < 30) pooled = poolAt(++depth);
    while (pooled.size > MAX_POOL && depth > 1) pooled = poolAt(--depth);
    lines.push(`\n######## ${q}  (${pooled.size} passages)`);
    for (const { ref, id, from } of pooled.values()) {
      const row = text.get(id) as { text: string; speaker: string | null };
      lines.push(`--- ${ref.file} ${ref.turn}  [${from.join(' ')}]  ${row.speaker ?? ''}`, row.text.length > 1800 ? `${row.text.slice(0, 1800)} …[${row.text.length} chars]` : row.text);
    }
  }
  fs.writeFileSync(out, lines.join('\n'));
  ladder.sqlite.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
