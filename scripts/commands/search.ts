import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { searchSegments, type SearchResponse } from '@/db/search';
import { formatTimestamp } from '@/lib/text/time';
import { parseSearchParams } from '@/lib/search/params';

const USAGE =
  'usage: ladder search "QUERY" [--topic T] [--guest G] [--show S] [--speaker P] [--kind K] [--role guest|host] [--limit N] [--offset N] [--db FILE] [--json]';

/** `ladder search`: the same object as GET /api/search with --json, else a readable list. Returns the exit code. */
export async function runSearchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      topic: { type: 'string' },
      guest: { type: 'string' },
      show: { type: 'string' },
      speaker: { type: 'string' },
      kind: { type: 'string' },
      role: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length > 1) {
    console.error(`ladder search: put the query in quotes (got ${positionals.length} words)\n${USAGE}`);
    return 2;
  }
  const { db, json, ...rest } = values;
  const parsed = parseSearchParams({ q: positionals[0] ?? '', ...rest });
  if (!parsed.ok) {
    console.error(`ladder search: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  const ladderDb = openDatabase({ path: db, readonly: true });
  try {
    const result = searchSegments({ ladderDb, ...parsed.params });
    process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : readable(result));
    return 0;
  } finally {
    ladderDb.sqlite.close();
  }
}

function readable(r: SearchResponse): string {
  const lines = [
    `${r.total} ${r.total === 1 ? 'passage' : 'passages'} in ${r.documents} ${r.documents === 1 ? 'document' : 'documents'} for "${r.query}" in ${r.tookMs} ms${r.fallback ? ' (no passage has every word: closest matches)' : ''}`,
  ];
  for (const h of r.hits) {
    const at = h.startSeconds === null ? '' : ` @ ${h.estimated ? '≈' : ''}${formatTimestamp(h.startSeconds)}`;
    lines.push('', `${h.documentTitle}${h.chapterTitle ? ` › ${h.chapterTitle}` : ''}${at}${h.speaker ? ` — ${h.speaker}` : ''}`);
    lines.push(`  ${plain(h.snippet)}`, `  ${h.url}`);
    if (h.duplicates.length > 0) lines.push(`  the same words also in: ${h.duplicates.map((d) => d.url).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Snippets are HTML: show marks as «…» and undo the escaping for a terminal. */
function plain(html: string): string {
  return html
    .replace(/<mark>/g, '«')
    .replace(/<\/mark>/g, '»')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
