import Database from 'better-sqlite3';

export interface Scenario {
  name: string;
  paths: string[];
  /** paths for the concurrent warm-up; the measured paths when absent */
  warmPaths?: string[];
  /** p99 latency target in ms; null for a run that only measures (baseline, cache misses) */
  p99Target: number | null;
  /** request headers beyond autocannon's (which asks for no compression) */
  headers?: Record<string, string>;
}

/**
 * The framework's own floor at the same concurrency: a static file answered by
 * `next start` through the proxy, with no database, index or rendering behind
 * it. What the real scenarios add on top of this is Ladder's cost.
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

// words from career interviews; pairs of them make searches the cache has not seen
const WORDS = ['promo', 'manager', 'staff', 'senior', 'review', 'calibration', 'meta', 'google', 'amazon', 'startup', 'layoff', 'interview', 'team', 'project', 'impact', 'scope', 'career', 'growth', 'feedback', 'rating', 'level', 'engineer', 'leader', 'mentor', 'offer', 'salary', 'equity', 'burnout', 'quit', 'hire', 'pip', 'token', 'agent', 'code', 'ship', 'launch', 'deadline', 'peer', 'director', 'tech'];

/**
 * Every request a search nobody made before (word pairs, with and without a
 * topic, and a different page size for each pass), so each one runs the engine
 * and builds its snippets: what the cache cannot help with. Measured, no target.
 */
export function uncachedSearchScenario(): Scenario {
  const make = (limits: number[]) => {
    const paths: string[] = [];
    for (const limit of limits)
      for (const a of WORDS)
        for (const b of WORDS) {
          if (a === b) continue;
          const topic = (a.length + b.length) % 3 === 0 ? `&topic=${TOPICS[(a.length * b.length) % TOPICS.length]}` : '';
          paths.push(`/api/search?q=${encodeURIComponent(`${a} ${b}`)}${topic}&limit=${limit}`);
        }
    return paths;
  };
  return { name: 'search API, unseen queries', paths: make([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]), warmPaths: make([30]), p99Target: null };
}

interface Doc {
  slug: string;
  starts: number[];
}

function readDocs(dbPath: string): Doc[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const starts = db.prepare(`SELECT DISTINCT start_seconds AS s FROM segments WHERE document_id = ? AND start_seconds IS NOT NULL ORDER BY ordinal`);
    const docs = (db.prepare('SELECT id, slug FROM documents ORDER BY slug').all() as { id: number; slug: string }[]).map((d) => ({
      slug: d.slug,
      starts: (starts.all(d.id) as { s: number }[]).map((r) => r.s),
    }));
    if (docs.length === 0) throw new Error('no documents to load');
    return docs;
  } finally {
    db.close();
  }
}

/** Every document's page, plain and deep-linked to a second from the middle of it, like a quote's link. */
export function episodeScenario(dbPath: string): Scenario {
  const paths = readDocs(dbPath).flatMap((d) => {
    const base = `/episodes/${encodeURIComponent(d.slug)}`;
    const t = d.starts[Math.floor(d.starts.length / 2)];
    return t === undefined ? [base] : [base, `${base}?t=${t}`];
  });
  return { name: 'episode pages', paths, p99Target: 200 };
}

/** The same pages asked for as a browser does, accepting gzip: the page cache sends its compressed copy. */
export function gzipEpisodeScenario(dbPath: string): Scenario {
  return { ...episodeScenario(dbPath), name: 'episode pages, gzip as browsers ask', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } };
}

/**
 * Deep links to seconds not asked for before, the same number for every
 * document and interleaved, so the mix matches the cached run's but each
 * request renders its page: what a page costs when the page cache cannot
 * answer. Measured, no target.
 */
export function uncachedEpisodeScenario(dbPath: string): Scenario {
  const docs = readDocs(dbPath).map((d) => `/episodes/${encodeURIComponent(d.slug)}`);
  const paths: string[] = [];
  // seconds past the end still render the page (at its top): every address is a new one
  for (let t = 1; paths.length < 5_000; t += 1) for (const base of docs) paths.push(`${base}?t=${t}`);
  return { name: 'episode pages, unseen deep links', paths, warmPaths: docs.map((base) => `${base}?t=0`), p99Target: null };
}
