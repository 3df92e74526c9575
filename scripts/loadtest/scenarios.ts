import Database from 'better-sqlite3';

export interface Scenario {
  name: string;
  paths: string[];
  /** p99 latency target in ms; null for the baseline, which only measures */
  p99Target: number | null;
}

/**
 * The framework's own floor at the same concurrency: a static file answered by
 * `next start` with no database, index or rendering behind it. What the real
 * scenarios add on top of this is Ladder's cost.
 */
export function baselineScenario(): Scenario {
  return { name: 'baseline (static robots.txt)', paths: ['/robots.txt'], p99Target: null };
}

/** Real queries people type, plain and with a topic filter (the search page's two main shapes). */
const QUERIES = ['promo', 'PIP', 'tokenmaxxing', '"staff promo"', 'calibration', 'manager', 'startup', 'layoffs', 'interview', 'leaderboard', 'staff promo', 'performance review', 'leaving big tech'];
const TOPICS = ['promotions', 'pips', 'tokenmaxxing', 'performance-reviews', 'management-vs-ic', 'layoffs'];

export function searchScenario(): Scenario {
  const paths: string[] = [];
  for (const q of QUERIES) {
    paths.push(`/api/search?q=${encodeURIComponent(q)}`);
    paths.push(`/api/search?q=${encodeURIComponent(q)}&topic=${TOPICS[paths.length % TOPICS.length]}`);
  }
  return { name: 'search API', paths, p99Target: 50 };
}

/** Every document's page, plain and deep-linked to a second that one of its segments starts at. */
export function episodeScenario(dbPath: string): Scenario {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    // a second from the middle of each document, like a quote's deep link
    const middle = db.prepare(
      `SELECT start_seconds FROM segments WHERE document_id = ? AND start_seconds IS NOT NULL ORDER BY ordinal
       LIMIT 1 OFFSET (SELECT count(*) / 2 FROM segments WHERE document_id = ? AND start_seconds IS NOT NULL)`,
    );
    const docs = (db.prepare('SELECT id, slug FROM documents ORDER BY slug').all() as { id: number; slug: string }[]).map((d) => ({
      slug: d.slug,
      t: ((middle.get(d.id, d.id) as { start_seconds: number } | undefined)?.start_seconds ?? null),
    }));
    if (docs.length === 0) throw new Error('no documents to load');
    const paths = docs.flatMap((d) => {
      const base = `/episodes/${encodeURIComponent(d.slug)}`;
      return d.t === null ? [base] : [base, `${base}?t=${d.t}`];
    });
    return { name: 'episode pages', paths, p99Target: 200 };
  } finally {
    db.close();
  }
}
