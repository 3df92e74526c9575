import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '@/db/import/run-import';
import { makeTempDir, writeFiles } from '../support/temp';

let tmp: ReturnType<typeof makeTempDir>;
let dbPath: string;
beforeEach(() => {
  tmp = makeTempDir('ladder-moments-restate-');
  dbPath = path.join(tmp.dir, 'ladder.db');
});
afterEach(() => tmp.cleanup());

const FILLER = ['we', 'talked', 'about', 'the', 'team', 'and', 'the', 'work', 'that', 'year', 'really', 'hard', 'code', 'ship'];
const talk = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${i % 9 === 0 ? seed : FILLER[(i * 5 + seed.length) % FILLER.length]}${i % 12 === 11 ? '.' : ''}`).join(' ');

/** A bold-label episode: the host's turns and the guest's, each with a sentence of our own in it. */
function episode(host: string, guest: string, hostSays: string, guestSays: string): string {
  return [
    `**${host}:** \\[00:00:00\\] ${talk(120, 'welcome')} ${hostSays}`,
    `**${guest}:** ${talk(200, 'career')}. ${guestSays} ${talk(200, 'after')}.`,
    `**${host}:** \\[00:10:00\\] ${talk(120, 'thanks')}`,
    `**${guest}:** ${talk(300, 'later')}.`,
  ].join('\n\n');
}

function moments(): { person: string; kind: string; company: string | null }[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare(`SELECT p.name AS person, m.kind, m.company FROM career_moments m JOIN people p ON p.id = m.person_id ORDER BY p.name, m.kind`)
      .all() as { person: string; kind: string; company: string | null }[];
  } finally {
    db.close();
  }
}

describe('moments when the archive decides again who is host and who is guest', () => {
  it('drops the host’s own story once a later import shows who the host is, and keeps the guest’s', async () => {
    const first = episode('Dana Ortiz', 'Sam Lee', 'I joined Google in 2010.', 'I got promoted to staff at Stripe in 2019.');
    writeFiles(tmp.dir, { 'archive/pod-show/pod-show-1.md': first });
    await importPaths({ paths: [path.join(tmp.dir, 'archive')], dbPath, rebuildIndex: false });
    // alone, nobody recurs: both are guests, and both stories count
    expect(moments()).toEqual([
      { person: 'Dana Ortiz', kind: 'joined', company: 'Google' },
      { person: 'Sam Lee', kind: 'promotion', company: 'Stripe' },
    ]);
    writeFiles(tmp.dir, {
      'archive/pod-show/pod-show-2.md': episode('Dana Ortiz', 'Kim Park', 'So you left Amazon in 2020.', 'Yes, I left Amazon and founded a company called Birchway.'),
      'archive/pod-show/pod-show-3.md': episode('Dana Ortiz', 'Ana Cruz', 'Welcome back.', 'I was laid off from Shopify in 2023.'),
    });
    const second = await importPaths({ paths: [path.join(tmp.dir, 'archive')], dbPath, rebuildIndex: false });
    expect(second.documents.map((d) => d.status)).toEqual(['unchanged', 'imported', 'imported']);
    expect(moments()).toEqual([
      { person: 'Ana Cruz', kind: 'layoff', company: 'Shopify' },
      { person: 'Kim Park', kind: 'founded', company: 'Birchway' },
      { person: 'Kim Park', kind: 'left', company: 'Amazon' },
      { person: 'Sam Lee', kind: 'promotion', company: 'Stripe' },
    ]);
  });
});
