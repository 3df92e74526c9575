import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServerDb } from '@/db/client';
import { importPaths } from '@/db/import/run-import';
import { frontmatterTranscript } from '../support/samples';
import { useTempServerDb } from '../support/server-db';
import { writeFiles } from '../support/temp';

/**
 * A server started before any import: the pages read an empty archive held in
 * memory (and say how to import), the server creates no file, and the first
 * import's database is used as soon as it exists.
 */
let server: ReturnType<typeof useTempServerDb>;
beforeAll(() => (server = useTempServerDb('ladder-no-db-', 'later.db')));
afterAll(() => server.restore());

describe('a server with no database yet', () => {
  it('reads an empty archive and creates nothing', () => {
    const ladder = getServerDb();
    expect(ladder.path).toBe(server.dbPath);
    expect(ladder.sqlite.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
    expect(() => ladder.sqlite.exec(`DELETE FROM documents`)).toThrow(/readonly/);
    expect(fs.readdirSync(path.dirname(server.dbPath))).toEqual([]);
  });

  it('reads the database once an import has made it', async () => {
    const content = path.join(path.dirname(server.dbPath), 'content');
    writeFiles(content, { 'a.md': frontmatterTranscript() });
    const report = await importPaths({ paths: [content], dbPath: server.dbPath });
    expect(report.failed).toEqual([]);
    expect(getServerDb().sqlite.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 1 });
  });
});
