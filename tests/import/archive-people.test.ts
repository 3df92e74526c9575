import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '@/db/import/run-import';
import { makeTempDir, writeFiles } from '../support/temp';

/**
 * People, duplicates and folder metadata decided across a whole archive, on
 * small shows the tests write: bold-label Markdown transcripts, as podcast sites publish them.
 */
let tmp: ReturnType<typeof makeTempDir>;
let dbPath: string;
beforeEach(() => {
  tmp = makeTempDir('ladder-people-');
  dbPath = path.join(tmp.dir, 'ladder.db');
});
afterEach(() => tmp.cleanup());

const VOCAB = ['we', 'talked', 'about', 'the', 'team', 'work', 'manager', 'years', 'later', 'really', 'good', 'hard', 'build', 'ship', 'code'];
/** n words of varied talk about `topic` (a text of one repeated word would have no shingles to compare) */
const words = (n: number, topic: string) =>
  Array.from({ length: n }, (_, i) => `${i % 9 === 0 ? topic : VOCAB[(i * 7 + topic.length) % VOCAB.length]}${i % 11 === 10 ? '.' : ''}`).join(' ');

/** A bold-label transcript: [speaker, words of talk, topic word] per turn; a stamp every few turns. */
function episode(turns: [string, number, string][]): string {
  return turns.map(([who, n, topic], i) => `**${who}:** ${i % 3 === 0 ? `\\[00:${String(i).padStart(2, '0')}:00\\] ` : ''}${words(n, topic)}`).join('\n\n');
}

const host = (name: string, topic: string): [string, number, string] => [name, 120, topic];
const guest = (name: string, topic: string): [string, number, string] => [name, 400, topic];

async function run(...dirs: string[]) {
  return importPaths({ paths: dirs.map((d) => path.join(tmp.dir, d)), dbPath, rebuildIndex: false });
}

function query<T>(sql: string, ...args: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

const rolesByEpisode = () =>
  query<{ title: string; who: string }>(
    `SELECT d.title, group_concat(p.name || ':' || dp.role, ', ') AS who FROM documents d
     JOIN document_people dp ON dp.document_id = d.id JOIN people p ON p.id = dp.person_id
     GROUP BY d.id ORDER BY d.episode_number`,
  ).map((r) => `${r.title} | ${r.who.split(', ').sort().join(', ')}`);

describe('people across a show', () => {
  const show = {
    'archive/pod-show/pod-show-1.md': episode([host('Dana Ortiz', 'welcome'), guest('Sam Lee', 'promotion'), host('Dana Ortiz', 'then'), guest('Sam Lee', 'staff')]),
    'archive/pod-show/pod-show-2.md': episode([host('Dana', 'welcome'), guest('Kim Park', 'layoffs'), ['Mo Vance', 20, 'sponsor'], host('Dana', 'thanks'), guest('Kim Park', 'after')]),
    'archive/pod-show/pod-show-3.md': episode([host('Dana Ortiz 2.0', 'welcome'), guest('Ana Cruz', 'pip'), ['MUSIC', 5, 'la'], host('Dana Ortiz', 'and'), guest('Ana Cruz', 'out')]),
  };

  it('joins a first name and a "2.0" suffix to the full name, infers the recurring host, and leaves brief voices and non-people out', async () => {
    writeFiles(tmp.dir, show);
    const report = await run('archive');
    expect(report.failed).toEqual([]);
    expect(rolesByEpisode()).toEqual([
      'Pod Show #1: Sam Lee | Dana Ortiz:host, Sam Lee:guest',
      'Pod Show #2: Kim Park | Dana Ortiz:host, Kim Park:guest',
      'Pod Show #3: Ana Cruz | Ana Cruz:guest, Dana Ortiz:host',
    ]);
    expect(query(`SELECT name FROM people ORDER BY name`).map((p) => (p as { name: string }).name)).toEqual(['Ana Cruz', 'Dana Ortiz', 'Kim Park', 'Sam Lee']);
    // the voice and the music keep their turns, with no person
    expect(query(`SELECT speaker_label AS label, kind, speaker_person_id AS person FROM segments WHERE speaker_label IN ('Mo Vance', 'MUSIC') ORDER BY label`)).toEqual([
      { label: 'MUSIC', kind: 'sound', person: null },
      { label: 'Mo Vance', kind: 'speech', person: null },
    ]);
    expect(report.people.merged).toEqual(
      expect.arrayContaining([
        { show: 'Pod Show', from: 'Dana', to: 'Dana Ortiz', documents: 1 },
        { show: 'Pod Show', from: 'Dana Ortiz 2.0', to: 'Dana Ortiz', documents: 1 },
      ]),
    );
    expect(report.people.hostsInferred).toEqual([{ show: 'Pod Show', name: 'Dana Ortiz', documents: 3 }]);
    expect(report.people.voices).toEqual([{ show: 'Pod Show', label: 'Mo Vance', documents: 1, maxSeconds: 8 }]);
    expect(report.people.notPeople).toEqual([{ label: 'MUSIC', documents: 1 }]);
  });

  it('restates earlier episodes when a later import shows who the host is', async () => {
    writeFiles(tmp.dir, { 'archive/pod-show/pod-show-1.md': show['archive/pod-show/pod-show-1.md'] });
    await run('archive');
    // alone, nobody recurs: both speakers are guests of the one episode
    expect(rolesByEpisode()).toEqual(['Pod Show #1: Dana Ortiz & Sam Lee | Dana Ortiz:guest, Sam Lee:guest']);
    writeFiles(tmp.dir, show);
    const second = await run('archive');
    expect(second.documents.map((d) => d.status)).toEqual(['unchanged', 'imported', 'imported']);
    expect(rolesByEpisode()[0]).toBe('Pod Show #1: Dana Ortiz & Sam Lee | Dana Ortiz:host, Sam Lee:guest');
  });

  it('takes the show, hosts, media URLs and speaker corrections from a folder show.yaml', async () => {
    writeFiles(tmp.dir, {
      ...show,
      'archive/pod-show/show.yaml': 'show: The Career Pod\nhosts: [Dana Ortiz]\nmedia_url: https://example.org/pod/{episode}.mp3\nspeakers:\n  Mo Vance: not a person\n  Kim Park: voice\n',
    });
    const report = await run('archive');
    expect(report.failed).toEqual([]);
    const docs = query<{ title: string; media: string }>(`SELECT title, media_url AS media FROM documents ORDER BY episode_number`);
    expect(docs.map((d) => d.media)).toEqual(['https://example.org/pod/1.mp3', 'https://example.org/pod/2.mp3', 'https://example.org/pod/3.mp3']);
    expect(docs[1]!.title).toBe('The Career Pod #2');
    expect(report.people.hostsInferred).toEqual([]);
    expect(query(`SELECT label, role, note FROM document_speakers WHERE label IN ('Mo Vance', 'Kim Park') ORDER BY label`)).toEqual([
      { label: 'Kim Park', role: 'voice', note: 'set by a sidecar' },
      { label: 'Mo Vance', role: 'pseudo', note: 'set by a sidecar' },
    ]);
  });
});

describe('duplicates', () => {
  const one = episode([host('Dana Ortiz', 'welcome'), guest('Sam Lee', 'promotion'), host('Dana Ortiz', 'then'), guest('Sam Lee', 'staff')]);

  it('imports the same episode once, and reports the other file as its duplicate on every run', async () => {
    writeFiles(tmp.dir, { 'a/show-1.md': one, 'a/show-1-copy.md': one.replace('then', 'so then') });
    const report = await run('a');
    expect(report.failed).toEqual([]);
    // the first in file order is the document, the other its duplicate
    const [kept, dropped] = [path.join(tmp.dir, 'a', 'show-1-copy.md'), path.join(tmp.dir, 'a', 'show-1.md')];
    expect(report.documents.map((d) => d.file)).toEqual([kept]);
    expect(report.duplicates).toEqual([{ file: dropped, of: kept, reason: expect.stringMatching(/^\d+% the same text$/) }]);
    const again = await run('a');
    expect(again.documents.map((d) => d.status)).toEqual(['unchanged']);
    expect(again.duplicates).toHaveLength(1);
    expect(query(`SELECT count(*) AS n FROM documents`)).toEqual([{ n: 1 }]);
  });

  it('takes the same media URL for the same episode, however the URL is written', async () => {
    const other = episode([host('Dana Ortiz', 'hello'), guest('Sam Lee', 'interviewing'), host('Dana Ortiz', 'right'), guest('Sam Lee', 'offers')]);
    writeFiles(tmp.dir, {
      'b/first.md': one,
      'b/first.meta.yaml': 'url: https://www.youtube.com/watch?v=abc123XYZ&t=10\n',
      'b/second.md': other,
      'b/second.meta.yaml': 'url: https://youtu.be/abc123XYZ\n',
    });
    const report = await run('b');
    expect(report.documents.map((d) => path.basename(d.file))).toEqual(['first.md']);
    expect(report.duplicates.map((d) => [path.basename(d.file), d.reason])).toEqual([['second.md', 'the same media URL']]);
  });

  it('keeps two episodes whose files say they differ, even when their text is alike', async () => {
    writeFiles(tmp.dir, { 'c/show-1.md': one, 'c/show-2.md': one });
    const report = await run('c');
    expect(report.documents).toHaveLength(2);
    expect(report.duplicates).toEqual([]);
  });
});
