import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { note } from '@/lib/ingest/formats/note';
import { ParseError } from '@/lib/ingest/types';

const FIXTURES = path.resolve(__dirname, '../fixtures/formats');

describe('note', () => {
  it('accepts any non-empty text and nothing empty', () => {
    expect(note.detect('x')).toBe(true);
    expect(note.detect('{"not": "json we know"}')).toBe(true);
    expect(note.detect('  \n\n ')).toBe(false);
  });

  it('makes untimed paragraph segments and says no format matched', () => {
    const d = note.parse(fs.readFileSync(path.join(FIXTURES, 'note.txt'), 'utf8'), { fileName: 'note.txt' });
    expect(d).toMatchObject({ format: 'note', kind: 'note', title: 'Things to ask at the next skip-level:', chapters: [], people: [] });
    expect(d.segments.map((s) => s.text)).toEqual([
      'Things to ask at the next skip-level:',
      '- is the staff promo bar written down anywhere\n- who decides which projects count as cross-team\n- can I shadow an incident review',
      'Remember to bring the migration timeline.',
    ]);
    expect(d.segments.every((s) => s.startSeconds === null && s.speaker === null && s.chapterIndex === null && !s.estimated)).toBe(true);
    expect(d.warnings).toEqual([expect.stringMatching(/no known format matched note\.txt/)]);
  });

  it('falls back to the file name for a title and refuses empty text', () => {
    expect(note.parse('...', { fileName: 'dots.txt' }).title).toBe('...');
    expect(() => note.parse('\n\n', { fileName: 'empty.txt' })).toThrow(ParseError);
  });
});
