import { describe, expect, it } from 'vitest';
import { evenBoundaries, matchBoundaries, periodicBoundaries, scoreBoundaries } from '@/lib/chapters/evaluate';

describe('boundary metrics', () => {
  it('scores a perfect segmentation as perfect', () => {
    const s = scoreBoundaries([300, 600], [300, 600], 900);
    expect(s).toMatchObject({ precision: 1, recall: 1, f1: 1, pk: 0, windowDiff: 0 });
  });

  it('matches each boundary once, within the tolerance only', () => {
    expect(matchBoundaries([300], [290, 310], 30)).toBe(1);
    expect(matchBoundaries([300, 600], [331, 599], 30)).toBe(1);
    const s = scoreBoundaries([300, 600], [310, 900], 1200);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
  });

  it('counts missing and extra boundaries against Pk and WindowDiff', () => {
    const none = scoreBoundaries([300, 600, 900], [], 1200);
    expect(none.recall).toBe(0);
    expect(none.pk).toBeGreaterThan(0.3);
    const extra = scoreBoundaries([600], [200, 400, 600, 800, 1000], 1200);
    expect(extra.recall).toBe(1);
    expect(extra.precision).toBe(0.2);
    expect(extra.windowDiff).toBeGreaterThan(extra.pk * 0.99);
    expect(extra.windowDiff).toBeGreaterThan(0.5);
  });

  it('builds the baselines', () => {
    expect(evenBoundaries(4, 1200)).toEqual([300, 600, 900]);
    expect(periodicBoundaries(300, 1000)).toEqual([300, 600, 900]);
  });
});
