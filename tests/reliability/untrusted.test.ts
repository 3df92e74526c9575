import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { importPaths } from '@/db/import/run-import';
import { parseSource } from '@/lib/ingest/parse-source';
import { frontmatterTranscript } from '../support/samples';
import { makeTempDir } from '../support/temp';

/**
 * Untrusted metadata at the import boundary. Text is stored as written (pages
 * escape it when rendering); a media URL that is not http(s) is dropped, so no
 * page can ever turn it into a `javascript:` link.
 */
const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'xss');
let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir('ladder-untrusted-')));
afterEach(() => tmp.cleanup());

function withSidecarUrl(url: string) {
  return parseSource({
    bytes: Buffer.from(frontmatterTranscript()),
    fileName: 'a.md',
    metaBytes: Buffer.from(`url: ${JSON.stringify(url)}\n`),
  });
}

describe('media URLs', () => {
  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd'])(
    'drops %j with a warning',
    (url) => {
      const r = withSidecarUrl(url);
      if (r.kind !== 'document') throw new Error('expected a document');
      expect(r.doc.mediaUrl).toBeNull();
      expect(r.doc.warnings.join()).toMatch(/media URL ignored/);
      expect(r.doc.warnings.join()).not.toContain('alert');
    },
  );

  it.each(['https://www.youtube.com/watch?v=abc', 'http://example.com/ep.mp3'])('keeps %j', (url) => {
    const r = withSidecarUrl(url);
    expect(r.kind === 'document' && r.doc.mediaUrl).toBe(url);
  });

  it('applies to URLs from the file itself too', () => {
    const r = parseSource({ bytes: Buffer.from(frontmatterTranscript().replace('duration: 30', 'duration: 30\nurl: javascript:alert(1)')), fileName: 'a.md' });
    expect(r.kind === 'document' && r.doc.mediaUrl).toBeNull();
  });
});

describe('the XSS fixture used by e2e/security.spec.ts', () => {
  it('imports, keeps its markup as plain text and stores no javascript: URL', async () => {
    const dbPath = path.join(tmp.dir, 'xss.db');
    const report = await importPaths({ paths: [FIXTURE], dbPath, rebuildIndex: false });
    expect(report.failed).toEqual([]);
    expect(report.documents).toHaveLength(1);
    const doc = report.documents[0]!;
    expect(doc.title).toBe('xssprobe <script>window.__xss=1</script><img src=x onerror="window.__xss=1"> promo & PIP story');
    expect(doc.speakers).toEqual(['Trent <script>window.__xss=1</script>', 'Mallory <img src=x onerror="window.__xss=1">']);
    const { sqlite } = openDatabase({ path: dbPath, readonly: true });
    try {
      expect(sqlite.prepare('SELECT media_url FROM documents').pluck().get()).toBeNull();
      const text = sqlite.prepare('SELECT group_concat(text, char(10)) FROM segments').pluck().get() as string;
      expect(text).toContain('<script>window.__xss=1</script>');
      const topics = sqlite.prepare('SELECT DISTINCT t.slug FROM segment_topics st JOIN topics t ON t.id = st.topic_id ORDER BY 1').pluck().all();
      // the e2e spec visits these topic pages
      expect(topics).toEqual(expect.arrayContaining(['pips', 'promotions']));
    } finally {
      sqlite.close();
    }
  });
});
