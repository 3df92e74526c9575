import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '@/lib/ingest/parse-source';

const CONTENT = path.resolve(__dirname, '..', '..', '..', 'content');
const bytes = (name: string) => {
  const file = path.join(CONTENT, name);
  return fs.existsSync(file) ? new Uint8Array(fs.readFileSync(file)) : null;
};

/** A sample and its sidecars (NAME.meta.yaml, NAME.chapters.json), as the importer finds them. */
function importSample(fileName: string) {
  const base = fileName.replace(/\.[^.]+$/, '');
  const result = parseSource({
    bytes: bytes(fileName)!,
    fileName,
    metaBytes: bytes(`${base}.meta.yaml`),
    chaptersBytes: bytes(`${base}.chapters.json`),
  });
  if (result.kind !== 'document') throw new Error('expected a document');
  return result.doc;
}

describe('sample content', () => {
  it('sample-talk.vtt: <v> speakers, metadata and chapters from its .meta.yaml', () => {
    const doc = importSample('sample-talk.vtt');
    expect(doc.format).toBe('webvtt');
    expect(doc.title).toBe('From Staff to a PIP to a Startup (Sample Episode)');
    expect(doc.publishedOn).toBe('2025-01-15');
    expect(doc.people.map((p) => `${p.role}:${p.name}`)).toEqual(['host:Maya Chen', 'guest:Tomás Rivera']);
    expect(new Set(doc.segments.map((s) => s.speaker))).toEqual(new Set(['Maya Chen', 'Tomás Rivera']));
    expect(doc.chapters.map((c) => [c.title, c.startSeconds, c.endSeconds])).toEqual([
      ['Intro', 0, 15],
      ['Getting to staff', 15, 59],
      ['A PIP after the promotion', 59, 101],
      ['Leaving big tech', 101, 123],
      ['Advice for seniors', 123, 136.58],
    ]);
    expect(doc.segments.map((s) => s.chapterIndex)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4]);
  });

  it('sample-standup.srt: "Name:" speakers, chapters from its Podcasting 2.0 .chapters.json', () => {
    const doc = importSample('sample-standup.srt');
    expect(doc.format).toBe('srt');
    expect(doc.title).toBe('Promo Prep Standup (Sample)');
    expect(doc.segments.map((s) => [s.speaker, s.startSeconds])).toEqual([
      ['Jordan Park', 1],
      ['Sam Adeyemi', 10.8],
      ['Jordan Park', 17.8],
      ['Sam Adeyemi', 20.1],
      ['Jordan Park', 22.4],
      ['Riley Novak', 31.4],
      ['Riley Novak', 41.2],
      ['Sam Adeyemi', 47.1],
      ['Jordan Park', 50.2],
      ['Riley Novak', 52.5],
      ['Jordan Park', 58.4],
    ]);
    expect(doc.chapters.map((c) => c.title)).toEqual([
      'Promo prep round',
      'Cutting the packet to two pages',
      'What not to do: tokenmaxxing',
      'Blockers and a heads-up',
    ]);
    expect(doc.segments.map((s) => s.chapterIndex)).toEqual([0, 0, 0, 0, 1, 2, 2, 2, 3, 3, 3]);
  });
});
