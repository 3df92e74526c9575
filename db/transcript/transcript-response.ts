import { Lru } from '@/lib/cache/lru';
import { transcriptParts } from '@/lib/episode/parts';
import { rowsFor, type SegmentRowData } from '@/lib/episode/rows';
import type { TextMark } from '@/lib/episode/sentence-times';
import { getServerDb, readSnapshot, type LadderDb } from '../client';
import { readArchiveVersion } from '../search/records';

/*
 * Not under db/queries: it answers a Pages Router API route, where `server-only`
 * throws. It reads what the episode page reads (chapters and segments in
 * order) and cuts the transcript into the same parts with the same function,
 * so part N here is part N on the page.
 */

export interface TranscriptPartBody {
  part: number;
  rows: SegmentRowData[];
}

/** Every segment's text, for the find-in-transcript box: [ordinal, part, text]. */
export interface TranscriptTextBody {
  segments: [number, number, string][];
}

export interface TranscriptResponse {
  status: number;
  body: string;
  etag: string | null;
}

interface SegmentRecord {
  ordinal: number;
  chapterId: number | null;
  startSeconds: number | null;
  estimated: boolean;
  speaker: string | null;
  speakerSlug: string | null;
  text: string;
  marks: TextMark[] | null;
}

function readTranscript(ladderDb: LadderDb, slug: string) {
  const doc = ladderDb.sqlite.prepare('SELECT id FROM documents WHERE slug = ?').get(slug) as { id: number } | undefined;
  if (!doc) return null;
  const chapters = ladderDb.sqlite.prepare('SELECT id, ordinal FROM chapters WHERE document_id = ? ORDER BY ordinal').all(doc.id) as { id: number; ordinal: number }[];
  const raw = ladderDb.sqlite
    .prepare(
      `SELECT s.ordinal, s.chapter_id AS chapterId, s.start_seconds AS startSeconds, s.estimated, coalesce(p.name, s.speaker_label) AS speaker,
              p.slug AS speakerSlug, s.text, s.marks
       FROM segments s LEFT JOIN people p ON p.id = s.speaker_person_id WHERE s.document_id = ? ORDER BY s.ordinal`,
    )
    .all(doc.id) as (Omit<SegmentRecord, 'estimated' | 'marks'> & { estimated: number; marks: string | null })[];
  const segments: SegmentRecord[] = raw.map((r) => ({ ...r, estimated: r.estimated === 1, marks: r.marks ? (JSON.parse(r.marks) as TextMark[]) : null }));
  return { chapters, segments };
}

const bodies = new Lru<string>({ maxEntries: 2_000, maxSize: 32 * 1024 * 1024, sizeOf: (b) => b.length * 2 });

/**
 * GET /api/transcript?slug=S&part=N → the rows of part N (what the page
 * renders for it); ?slug=S&text=1 → every segment's text with its part.
 */
export function getTranscriptResponse(params: URLSearchParams): TranscriptResponse {
  const slug = params.get('slug') ?? '';
  const partParam = params.get('part');
  const wantsText = params.get('text') === '1';
  if (!slug || slug.length > 400) return error(400, 'slug is required');
  if (!wantsText && (partParam === null || !/^\d{1,5}$/.test(partParam))) return error(400, 'part must be a whole number (or ask for text=1)');
  try {
    const ladderDb = getServerDb();
    const version = readArchiveVersion(ladderDb);
    bodies.useVersion(version);
    const key = `${slug}\n${wantsText ? 'text' : partParam}`;
    const etag = `"${hash(`${version}\n${key}`)}"`;
    const cached = bodies.get(key);
    if (cached !== undefined) return { status: 200, body: cached, etag };
    const transcript = readSnapshot(ladderDb, () => readTranscript(ladderDb, slug));
    if (!transcript) return error(404, `no document ${slug}`);
    const parts = transcriptParts(transcript.chapters, transcript.segments);
    let body: string;
    if (wantsText) {
      const segments: TranscriptTextBody['segments'] = parts.flatMap((p) => transcript.segments.slice(p.from, p.to).map((s) => [s.ordinal, p.index, s.text] as [number, number, string]));
      body = JSON.stringify({ segments } satisfies TranscriptTextBody);
    } else {
      const part = parts[Number(partParam)];
      if (!part) return error(404, `${slug} has ${parts.length} parts; there is no part ${partParam}`);
      body = JSON.stringify({ part: part.index, rows: rowsFor(transcript.segments, part.from, part.to) } satisfies TranscriptPartBody);
    }
    bodies.set(key, body);
    return { status: 200, body, etag };
  } catch (err) {
    console.error('[transcript] failed:', err);
    return error(500, 'could not read the transcript');
  }
}

function error(status: number, message: string): TranscriptResponse {
  return { status, body: JSON.stringify({ error: message }), etag: null };
}

/** FNV-1a, enough to tell versions apart in an ETag. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
