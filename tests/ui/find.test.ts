import { describe, expect, it } from 'vitest';
import { findMatches, findRegExp } from '@/lib/episode/find';

describe('find in transcript', () => {
  it('matches the words in order across any white space, ignoring case', () => {
    const re = findRegExp('  get OUT of ')!;
    expect('Can you get\nout of a PIP? You can get out of it.'.match(re)).toHaveLength(2);
    expect(findRegExp('a')).toBeNull();
    expect(findRegExp('   ')).toBeNull();
  });

  it('treats the query as text, not a pattern', () => {
    const re = findRegExp('(c++) $5.00')!;
    expect('we paid $5.00 for (C++) $5.00'.match(re)).toEqual(['(C++) $5.00']);
  });

  it('lists every match with its segment, part and place in the segment', () => {
    const re = findRegExp('pip')!;
    const matches = findMatches(
      [
        [0, 0, 'No match here.'],
        [1, 0, 'A PIP, then another pip.'],
        [7, 2, 'PIPs again'],
      ],
      re,
    );
    expect(matches).toEqual([
      { ordinal: 1, part: 0, k: 0 },
      { ordinal: 1, part: 0, k: 1 },
      { ordinal: 7, part: 2, k: 0 },
    ]);
  });
});
