import { parseArgs } from 'node:util';
import { currentCareerData } from '@/db/career-data';
import { openDatabase } from '@/db/client';
import { findMoments, type MomentView } from '@/db/moments/find-moments';
import { parseMomentQuery } from '@/lib/careers/params';
import { formatTimestamp } from '@/lib/text/time';

const USAGE =
  'usage: ladder moments [--company C] [--from LEVEL] [--to LEVEL] [--kind K] [--track ic|manager] [--took under-1y|1-2y|over-2y] [--guest SLUG] [--episode SLUG] [--limit N] [--offset N] [--db FILE] [--json]';

/** `ladder moments`: the same object as GET /api/moments with --json, else one line per moment. Returns the exit code. */
export async function runMomentsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      company: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      kind: { type: 'string' },
      track: { type: 'string' },
      took: { type: 'string' },
      guest: { type: 'string' },
      episode: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length > 0) {
    console.error(`ladder moments: unexpected "${positionals[0]}"\n${USAGE}`);
    return 2;
  }
  const { db, json, ...rest } = values;
  const levels = currentCareerData().levels;
  const parsed = parseMomentQuery(rest, levels);
  if (!parsed.ok) {
    console.error(`ladder moments: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  const ladderDb = openDatabase({ path: db, readonly: true });
  try {
    const result = findMoments({ ladderDb, levels, query: parsed.query });
    process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : readable(result.total, result.moments));
    return 0;
  } finally {
    ladderDb.sqlite.close();
  }
}

function readable(total: number, moments: MomentView[]): string {
  const lines = [`${total} ${total === 1 ? 'moment' : 'moments'}`];
  for (const m of moments) {
    const step = m.to ? ` ${m.from?.name ?? '?'} → ${m.to.name}` : '';
    const at = m.seconds === null ? '' : ` @ ${m.estimated ? '≈' : ''}${formatTimestamp(m.seconds)}`;
    lines.push('', `${m.kind}${step}${m.company ? ` at ${m.company}` : ''}${m.year ? ` (${m.year})` : ''} — ${m.person?.name ?? '?'}, ${m.document.title}${at}`);
    lines.push(`  “${m.quote}”`, `  ${m.url}`);
  }
  return `${lines.join('\n')}\n`;
}
