import { describe, expect, it } from 'vitest';
import { Lru } from '@/lib/cache/lru';

const make = (maxEntries: number, maxSize: number) => new Lru<string>({ maxEntries, maxSize, sizeOf: (v) => v.length });

describe('Lru', () => {
  it('evicts the least recently used entry past the entry limit', () => {
    const lru = make(2, 100);
    lru.set('a', 'A');
    lru.set('b', 'B');
    expect(lru.get('a')).toBe('A'); // a is now the most recent
    lru.set('c', 'C');
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual(['A', undefined, 'C']);
  });

  it('evicts by size and keeps its total right through replacements', () => {
    const lru = make(10, 10);
    lru.set('a', 'aaaa');
    lru.set('b', 'bbbb');
    lru.set('a', 'aa'); // replaced, not added
    expect(lru.totalSize).toBe(6);
    lru.set('c', 'cccccc');
    expect(lru.get('b')).toBeUndefined();
    expect(lru.totalSize).toBe(8);
    expect(lru.size).toBe(2);
  });

  it('does not store a value bigger than the whole budget, nor let it evict the rest', () => {
    const lru = make(10, 5);
    lru.set('a', 'aa');
    lru.set('huge', 'x'.repeat(6));
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.get('a')).toBe('aa');
  });

  it('empties when the version its values came from changes, and only then', () => {
    const lru = make(10, 10);
    lru.useVersion('db\n1');
    lru.set('a', 'a');
    lru.useVersion('db\n1');
    expect(lru.get('a')).toBe('a');
    lru.useVersion('db\n2');
    expect([lru.size, lru.get('a')]).toEqual([0, undefined]);
  });

  it('empties on clear', () => {
    const lru = make(10, 10);
    lru.set('a', 'a');
    lru.clear();
    expect([lru.size, lru.totalSize, lru.get('a')]).toEqual([0, 0, undefined]);
  });
});
