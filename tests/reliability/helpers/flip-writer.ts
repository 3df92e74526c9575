/**
 * A second process that keeps replacing documents while a test reads: each
 * round rewrites story.md with 40 or 80 turns (its valid segment counts) and
 * adds or removes extra.md, then imports. Run with tsx; argv: DIR DB ROUNDS.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importPaths } from '@/db/import/run-import';
import { longTranscript } from './transcripts';

async function main(): Promise<void> {
  const [dir, db, rounds] = process.argv.slice(2) as [string, string, string];
  for (let r = 0; r < Number(rounds); r++) {
    fs.writeFileSync(path.join(dir, 'story.md'), longTranscript(1, r % 2 ? 80 : 40));
    const extra = path.join(dir, 'extra.md');
    if (r % 3 === 0) fs.writeFileSync(extra, longTranscript(2, 30 + r));
    else fs.rmSync(extra, { force: true });
    const report = await importPaths({ paths: [dir], dbPath: db, rebuildIndex: false });
    if (report.failed.length > 0) throw new Error(JSON.stringify(report.failed));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
