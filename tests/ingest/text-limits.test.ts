import { describe, expect, it } from 'vitest';
import { enforceLimits } from '@/lib/ingest/enforce-limits';
import { LIMITS } from '@/lib/ingest/limits';
import { parseSource } from '@/lib/ingest/parse-source';
import type { ParsedDocument } from '@/lib/ingest/types';
import { jsonTooDeep, looksLikeJson } from '@/lib/text/json-shape';
import { cutAtWord, splitLongText } from '@/lib/text/split-long';
import { isReasonableSeconds, MAX_SECONDS, parseTimestamp } from '@/lib/text/time';
import { lineOf, replaceIllFormed } from '@/lib/text/wellformed';

describe('replaceIllFormed', () => {
  it('replaces NUL and lone surrogates with U+FFFD and says where the first was', () => {
    expect(replaceIllFormed('ok \ud83d\ude00 text')).toEqual({ text: 'ok \ud83d\ude00 text', count: 0, first: -1 });
    expect(replaceIllFormed('a\0b\ud800c\udc00d')).toEqual({ text: 'a\ufffdb\ufffdc\ufffdd', count: 3, first: 1 });
    expect(replaceIllFormed('x\ud83d').text.isWellFormed()).toBe(true);
  });
  it('counts lines', () => {
    expect(lineOf('a\nb\nc', 0)).toBe(1);
    expect(lineOf('a\nb\nc', 4)).toBe(3);
  });
});

describe('JSON shape', () => {
  it.each([
    ['{"a": 1}', true],
    ['  [ {"a": 1} ]', true],
    ['[[[[', true],
    ['[1, 2]', true],
    ['[00:01:02] Ana: hello', false],
    ['[Music] Ana: hello', false],
    ['Plain text', false],
  ])('%j looks like JSON: %s', (text, expected) => expect(looksLikeJson(text)).toBe(expected));

  it('finds the line where nesting goes too deep, ignoring brackets inside strings', () => {
    expect(jsonTooDeep('{"a": "[[[[[[[[[[[["}', 3)).toBeNull();
    expect(jsonTooDeep('{\n"a": [\n[[1]]]}', 3)).toEqual({ line: 3, depth: 4 });
    expect(jsonTooDeep('"\\"[[[["', 1)).toBeNull();
  });

  it('turns away 20 MB of [[[[ at the 65th level without reading the rest', () => {
    const t0 = performance.now();
    expect(jsonTooDeep('['.repeat(20_000_000))).toEqual({ line: 1, depth: 65 });
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe('splitLongText', () => {
  it('cuts at a paragraph break, then a sentence end, then a space, then hard', () => {
    const ranges = (t: string, max: number) => splitLongText(t, max).map(([a, b]) => t.slice(a, b));
    expect(ranges('First para here.\n\nSecond one is longer than that.', 32)).toEqual(['First para here.', 'Second one is longer than that.']);
    expect(ranges('One two three. Four five six seven eight', 26)).toEqual(['One two three.', 'Four five six seven eight']);
    expect(ranges('aaaa bbbb cccc dddd eeee', 12)).toEqual(['aaaa bbbb', 'cccc dddd', 'eeee']);
    expect(ranges('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
  it('never cuts a surrogate pair in two', () => {
    const t = '😀'.repeat(10);
    for (const [a, b] of splitLongText(t, 5)) expect(t.slice(a, b).isWellFormed()).toBe(true);
  });
  it('covers the text in order, each piece within the limit', () => {
    const t = 'Word and more words. '.repeat(10_000);
    const pieces = splitLongText(t, 1_000);
    expect(pieces.every(([a, b]) => b - a <= 1_000)).toBe(true);
    expect(pieces.map(([a, b]) => t.slice(a, b)).join(' ')).toBe(t.trim());
  });
  it('cuts a field at a word with an ellipsis', () => {
    expect(cutAtWord('short', 10)).toBe('short');
    expect(cutAtWord('A title that goes on and on', 16)).toBe('A title that…');
  });
});

describe('times', () => {
  it('refuses timestamps past 100 hours', () => {
    expect(parseTimestamp('99:59:59')).toBe(MAX_SECONDS - 1);
    expect(parseTimestamp('100:00:01')).toBeNull();
    expect(parseTimestamp('999:00:00')).toBeNull();
    expect([1e300, -1, Infinity, NaN].map(isReasonableSeconds)).toEqual([false, false, false, false]);
  });
});

const doc = (over: Partial<ParsedDocument>): ParsedDocument => ({ format: 'test', kind: 'episode', title: 'T', people: [], chapters: [], segments: [], warnings: [], ...over });

describe('enforceLimits', () => {
  it('splits an over-long turn into pieces that keep its turn, speaker and marks, the later ones timed from the marks', () => {
    const para = `${'Promo packet talk. '.repeat(1_500)}`; // 28,500 characters
    const text = `${para}\n\n${para}`;
    const at = text.indexOf('\n\n') + 2;
    const out = enforceLimits(doc({ segments: [{ chapterIndex: null, speaker: 'Ana', startSeconds: 10, estimated: false, text, turn: 3, marks: [[0, 10, 1], [at, 500, 1]] }, { chapterIndex: null, speaker: 'Ben', startSeconds: 900, estimated: false, text: 'Short.' }] }));
    expect(out.segments.map((s) => [s.speaker, s.turn, s.startSeconds, s.estimated, s.marks])).toEqual([
      ['Ana', 3, 10, false, [[0, 10, 1]]],
      ['Ana', 3, 500, false, [[0, 500, 1]]],
      ['Ben', 1, 900, false, undefined],
    ]);
    expect(out.segments.every((s) => s.text.length <= LIMITS.segmentChars)).toBe(true);
    expect(out.warnings).toEqual([expect.stringMatching(/1 turn\(s\) over the 50,000-character limit split into 2 segments/)]);
  });

  it('refuses impossible times and counts past the limits', () => {
    expect(() => enforceLimits(doc({ durationSeconds: 1e300 }))).toThrow(/duration 1e\+300 s is negative or past the 100-hour limit/);
    expect(() => enforceLimits(doc({ chapters: [{ title: 'Far', startSeconds: 1e300, endSeconds: null, estimated: false }] }))).toThrow(/chapter 1 \("Far"\) starts at 1e\+300 s/);
    expect(() => enforceLimits(doc({ chapters: Array.from({ length: 2_001 }, () => ({ title: 'c', startSeconds: 0, endSeconds: null, estimated: false })) }))).toThrow(/2,001 chapters/);
  });

  it('parses a 15 MB one-line file into segments within the limit, none of them 15 MB', () => {
    const sentence = 'The calibration meeting ran long and the promo packet went in anyway. ';
    const r = parseSource({ bytes: Buffer.from(`Wall of text\n\n${sentence.repeat(Math.ceil(15e6 / sentence.length))}`), fileName: 'wall.txt' });
    if (r.kind !== 'document') throw new Error('expected a document');
    expect(r.doc.segments.length).toBeGreaterThan(300);
    expect(Math.max(...r.doc.segments.map((s) => s.text.length))).toBeLessThanOrEqual(LIMITS.segmentChars);
    expect(new Set(r.doc.segments.map((s) => s.turn))).toEqual(new Set([0, 1]));
  });
});
