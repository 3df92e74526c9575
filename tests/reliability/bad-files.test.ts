import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '@/db/import/run-import';
import { frontmatterTranscript } from '../support/samples';
import { makeTempDir, writeFiles } from '../support/temp';
import { expectRowsKept, snapshotRows } from './helpers/snapshot';
import { srtFile, writeLargeTranscript } from './helpers/transcripts';

/** What the file system can throw at the importer: encodings, sizes, names, links. */
let tmp: ReturnType<typeof makeTempDir>;
let content: string;
const dbIn = (name = 'ladder.db') => path.join(tmp.dir, name);
const run = (paths = [content], db = dbIn()) => importPaths({ paths, dbPath: db, rebuildIndex: false });

beforeEach(() => {
  tmp = makeTempDir('ladder-files-');
  content = path.join(tmp.dir, 'content');
  fs.mkdirSync(content);
});
afterEach(() => tmp.cleanup());

function segmentRows(db: string) {
  const sqlite = new Database(db, { readonly: true });
  try {
    return sqlite
      .prepare(
        `SELECT s.ordinal, s.speaker_label, s.start_seconds, s.text, c.title AS chapter FROM segments s
         LEFT JOIN chapters c ON c.id = s.chapter_id ORDER BY s.document_id, s.ordinal`,
      )
      .all();
  } finally {
    sqlite.close();
  }
}

describe('UTF-8 with a BOM and CRLF line ends', () => {
  it.each([
    ['episode.md', frontmatterTranscript()],
    ['talk.srt', srtFile(5)],
  ])('%s imports exactly like its LF version', async (name, text) => {
    writeFiles(path.join(tmp.dir, 'lf'), { [name]: text });
    writeFiles(path.join(tmp.dir, 'crlf'), { [name]: `\ufeff${text.replace(/\n/g, '\r\n')}` });
    const lf = await run([path.join(tmp.dir, 'lf')], dbIn('lf.db'));
    const crlf = await run([path.join(tmp.dir, 'crlf')], dbIn('crlf.db'));
    expect(crlf.failed).toEqual([]);
    const strip = (r: typeof lf) => r.documents.map(({ file: _f, ...d }) => d);
    expect(strip(crlf)).toEqual(strip(lf));
    const rows = segmentRows(dbIn('crlf.db'));
    expect(rows.length).toBeGreaterThan(3);
    expect(rows).toEqual(segmentRows(dbIn('lf.db')));
    expect(JSON.stringify(rows)).not.toMatch(/\\r|\\ufeff|\ufeff/);
  });
});

describe('a 50 MB transcript', () => {
  it('is refused by its size before it is read, in bounded memory, while the rest imports', async () => {
    writeFiles(content, { 'good.md': frontmatterTranscript() });
    await writeLargeTranscript(path.join(content, 'huge.md'), 50 * 1024 * 1024);
    writeFiles(content, { 'side.md': frontmatterTranscript({ title: 'Huge sidecar', guest: 'Lee Okafor' }) });
    await writeLargeTranscript(path.join(content, 'side.meta.yaml'), 50 * 1024 * 1024);
    const rss = process.memoryUsage().rss;
    const report = await run();
    const grew = (process.memoryUsage().rss - rss) / 1048576;
    expect(grew).toBeLessThan(100);
    const failed = Object.fromEntries(report.failed.map((f) => [path.basename(f.file), f.error]));
    expect(failed['huge.md']).toMatch(/50\.0 MB, over the 20 MB limit/);
    expect(failed['side.md']).toMatch(/meta\.yaml sidecar file is 50\.0 MB/);
    expect(report.documents.map((d) => path.basename(d.file))).toEqual(['good.md']);
  });
});

describe('two files claiming the same slug', () => {
  it('keeps both, suffixes the second with a warning, and keeps the URLs on re-import', async () => {
    writeFiles(content, { 'a.md': frontmatterTranscript(), 'b.md': frontmatterTranscript({ guest: 'Lee Okafor' }) });
    const first = await run();
    expect(first.documents.map((d) => d.slug)).toEqual(['from-pip-to-staff-promo', 'from-pip-to-staff-promo-2']);
    expect(first.documents[0]!.warnings).toEqual([]);
    expect(first.documents[1]!.warnings.join()).toMatch(/"from-pip-to-staff-promo" is taken.*"from-pip-to-staff-promo-2"/);
    writeFiles(content, { 'a.md': frontmatterTranscript({ extraTurn: 'A change forces a re-import.' }) });
    const second = await run();
    expect(second.documents.map((d) => [d.status, d.slug])).toEqual([
      ['updated', 'from-pip-to-staff-promo'],
      ['unchanged', 'from-pip-to-staff-promo-2'],
    ]);
  });
});

describe('awkward names and links', () => {
  it('imports a file whose name has spaces, unicode and quotes, and names it in errors', async () => {
    const odd = `Ünïcødé "quoted" it's — a file 🎙.md`;
    writeFiles(path.join(content, 'a folder with spaces'), { [odd]: frontmatterTranscript(), [`broken ${odd}`]: '' });
    const report = await run();
    expect(report.documents.map((d) => path.basename(d.file))).toEqual([odd]);
    expect(report.documents[0]!.slug).toBe('from-pip-to-staff-promo');
    expect(report.failed.map((f) => path.basename(f.file))).toEqual([`broken ${odd}`]);
    expect((await run()).documents.map((d) => d.status)).toEqual(['unchanged']);
  });

  it('reports a symlink loop once and imports everything else once', async () => {
    writeFiles(content, { 'top.md': frontmatterTranscript(), 'sub/inner.md': frontmatterTranscript({ title: 'Inner', guest: 'Sam Ito' }) });
    fs.symlinkSync(content, path.join(content, 'sub', 'back-to-top'));
    fs.symlinkSync('self-loop', path.join(content, 'self-loop'));
    const report = await run();
    expect(report.failed).toEqual([]);
    expect(report.documents.map((d) => path.relative(content, d.file)).sort()).toEqual(['sub/inner.md', 'top.md']);
    const loops = report.warnings.filter((w) => /loop|ELOOP/.test(w.message));
    expect(loops.map((w) => path.basename(w.file)).sort()).toEqual(['back-to-top', 'self-loop']);
  });

  it('skips a FIFO instead of blocking on it', async () => {
    writeFiles(content, { 'ok.md': frontmatterTranscript() });
    execFileSync('mkfifo', [path.join(content, 'pipe.md')]);
    const report = await run([content, path.join(content, 'pipe.md')]);
    expect(report.documents).toHaveLength(1);
    expect(report.warnings.map((w) => [path.basename(w.file), w.message])).toEqual([['pipe.md', 'not a regular file; skipped']]);
  });
});

describe('the CLI', () => {
  it('exits 1 naming file:line of a broken file, after importing the rest', () => {
    writeFiles(content, { 'good.md': frontmatterTranscript(), 'bad.md': frontmatterTranscript({ title: 'Bad' }).replace('00:10:30', '00:75:00') });
    const db = dbIn();
    const cli = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/ladder.ts', 'import', content, '--db', db, '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`${path.join(content, 'bad.md')}:29: turn line has an invalid timestamp "00:75:00"`);
    const json = JSON.parse(cli.stdout) as { documents: { file: string }[] };
    expect(json.documents.map((d) => path.basename(d.file))).toEqual(['good.md']);
    const before = snapshotRows(db);
    expect(spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/ladder.ts', 'import', content, '--db', db], { timeout: 60_000 }).status).toBe(1);
    expectRowsKept(before, snapshotRows(db), (t) => t === 'file_imports');
  });
});
