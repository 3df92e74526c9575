import { describe, expect, it } from 'vitest';
import { evenBoundaries, scoreBoundaries } from '@/lib/chapters/evaluate';
import { generateFromPrepared, spanSeconds } from '@/lib/chapters/generate';
import { applyGeneratedChapters, chapterInputOf } from '@/lib/chapters/parsed';
import { prepareDocument } from '@/lib/chapters/prepare';
import { TermStats } from '@/lib/chapters/terms';
import { hideChapters, type HiddenChapters } from '@/scripts/bench/chapter-eval';
import { chapterProblems } from '../support/chapters';
import { corpusFiles } from '../support/corpus';

// the corpus interviews whose chapters come from their source, with those chapters hidden
const hidden = corpusFiles()
  .map(hideChapters)
  .filter((h): h is HiddenChapters => h !== null);
const stats = new TermStats();
const prepared = hidden.map((h) => prepareDocument(chapterInputOf(h.doc), stats));
for (const p of prepared) stats.addDocument(p.vocab);

describe('chapters generated for the corpus interviews with their own chapters hidden', () => {
  it('finds both interviews (21 and 19 source chapters) and hides their chapters', () => {
    expect(hidden.map((h) => h.reference.length + 1).sort()).toEqual([19, 21]);
    for (const h of hidden) {
      expect(h.doc.chapters).toEqual([]);
      expect(h.doc.segments.every((s) => s.chapterIndex === null)).toBe(true);
    }
  });

  it('keeps every invariant', () => {
    hidden.forEach((h, i) => {
      const chapters = generateFromPrepared(prepared[i]!, stats);
      expect(chapters.length).toBeGreaterThan(10);
      expect(chapterProblems(prepared[i]!.input, chapters, spanSeconds(prepared[i]!)!)).toEqual([]);
    });
  });

  it('places boundaries closer to the human ones than evenly spaced chapters of the same count', () => {
    let hits = 0;
    let evenHits = 0;
    let wd = 0;
    let evenWd = 0;
    hidden.forEach((h, i) => {
      const span = spanSeconds(prepared[i]!)!;
      const chapters = generateFromPrepared(prepared[i]!, stats);
      const mine = scoreBoundaries(h.reference, chapters.slice(1).map((c) => c.startSeconds), span);
      const even = scoreBoundaries(h.reference, evenBoundaries(chapters.length, span), span);
      hits += mine.hits;
      evenHits += even.hits;
      wd += mine.windowDiff * span;
      evenWd += even.windowDiff * span;
    });
    expect(hits).toBeGreaterThan(evenHits * 1.5);
    expect(wd).toBeLessThan(evenWd * 0.85);
  });

  it('gives the parsed document its chapters and every segment a chapter, in order', () => {
    hidden.forEach((h, i) => {
      const doc = applyGeneratedChapters(h.doc, prepared[i]!, stats);
      expect(doc.chapters.length).toBeGreaterThan(10);
      expect(doc.chapters.every((c) => c.generated === true)).toBe(true);
      const indexes = doc.segments.map((s) => s.chapterIndex);
      expect(indexes[0]).toBe(0);
      expect(indexes.every((k, j) => k !== null && (j === 0 || k >= indexes[j - 1]!))).toBe(true);
      expect(new Set(indexes).size).toBe(doc.chapters.length);
      doc.chapters.forEach((c, k) => {
        if (k + 1 < doc.chapters.length) expect(c.endSeconds).toBe(doc.chapters[k + 1]!.startSeconds);
      });
    });
  });

  it('leaves a document with its own chapters unchanged', () => {
    const own = corpusFiles()
      .map(hideChapters)
      .find((h) => h !== null)!;
    const withChapters = { ...own.doc, chapters: [{ title: 'Given', startSeconds: 0, endSeconds: null, estimated: false }] };
    const p = prepareDocument(chapterInputOf(withChapters), stats);
    expect(applyGeneratedChapters(withChapters, p, stats)).toBe(withChapters);
  });
});
