import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';

const TABLES = ['shows', 'people', 'documents', 'document_people', 'chapters', 'segments', 'topics', 'chapter_topics', 'segment_topics', 'file_imports'] as const;

export async function runStatsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const { sqlite } = openDatabase({ path: values.db, readonly: true });
  try {
    const counts: Record<string, number> = {};
    for (const t of TABLES) counts[t] = (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    const failed = (sqlite.prepare(`SELECT count(*) AS n FROM file_imports WHERE status = 'failed'`).get() as { n: number }).n;
    if (values.json) process.stdout.write(`${JSON.stringify({ ...counts, failedImports: failed }, null, 2)}\n`);
    else for (const [k, v] of Object.entries(counts)) process.stdout.write(`${k.padEnd(16)} ${v}\n`);
    return 0;
  } finally {
    sqlite.close();
  }
}
