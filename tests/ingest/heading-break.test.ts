import { describe, expect, it } from 'vitest';
import { parseSource } from '@/lib/ingest/parse-source';

const turn = (name: string, words: number, stamp = '') => `**${name}:** ${stamp}${'Word after word about the subject at hand. '.repeat(words / 8)}`;

describe('a labelled turn set as a heading', () => {
  it('is that turn (a break here), not a chapter', () => {
    const text = [
      turn('Jordan Vale', 80, '\\[00:00:05\\] '),
      turn('Sam Ortiz', 120),
      '# **Break:** \\[10:00\\] to \\[11:10\\]',
      turn('Jordan Vale', 80, '\\[11:12\\] '),
      turn('Sam Ortiz', 120),
    ].join('\n\n');
    const parsed = parseSource({ bytes: Buffer.from(text), fileName: 'show-12.md' });
    if (parsed.kind !== 'document') throw new Error('not a document');
    expect(parsed.doc.chapters).toEqual([]);
    const kinds = parsed.doc.segments.map((s) => s.kind ?? 'speech');
    expect(kinds).toEqual(['speech', 'speech', 'break', 'speech', 'speech']);
    expect(parsed.doc.segments[2]!.startSeconds).toBe(600);
  });
});
