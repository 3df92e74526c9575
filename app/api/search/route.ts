import { searchArchive } from '@/db/queries/search';
import { parseSearchParams } from '@/lib/search/params';

// results depend on the query string and on the imported archive: never prerendered or cached
export const dynamic = 'force-dynamic';
// the index lives in this process's memory and reads SQLite through better-sqlite3
export const runtime = 'nodejs';

/** GET /api/search?q=&topic=&guest=&show=&speaker=&kind=&limit=&offset= */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  try {
    return Response.json(searchArchive(parsed.params), { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    console.error('[search] failed:', err);
    return Response.json({ error: 'search failed' }, { status: 500 });
  }
}
