import { describe, expect, it } from 'vitest';
import { pickSegmentAt } from '@/lib/episode/segment-at';
import { talkTimeShares } from '@/lib/episode/talk-time';
import { topicTimeline } from '@/lib/episode/timeline';

const segs = [
  { ordinal: 0, startSeconds: 59 },
  { ordinal: 1, startSeconds: 93 },
  { ordinal: 2, startSeconds: 4135 },
  { ordinal: 3, startSeconds: 4135 },
  { ordinal: 4, startSeconds: 4200 },
];

describe('pickSegmentAt', () => {
  it('picks the segment covering the second', () => {
    expect(pickSegmentAt(segs, 100)?.ordinal).toBe(1);
    expect(pickSegmentAt(segs, 4199)?.ordinal).toBe(2);
    expect(pickSegmentAt(segs, 99999)?.ordinal).toBe(4);
  });
  it('picks the first of segments sharing a start, so a link to a start lands on it', () => {
    expect(pickSegmentAt(segs, 4135)?.ordinal).toBe(2);
  });
  it('falls back to the first timed segment before the start', () => {
    expect(pickSegmentAt(segs, 0)?.ordinal).toBe(0);
  });
  it('has no answer for untimed documents', () => {
    expect(pickSegmentAt([{ ordinal: 0, startSeconds: null }], 10)).toBeNull();
  });
});

describe('talkTimeShares', () => {
  it('gives each speaker the time until the next turn', () => {
    const t = talkTimeShares(
      [
        { speaker: 'Ryan', speakerSlug: 'ryan', startSeconds: 0, text: 'q' },
        { speaker: 'Stefan', speakerSlug: 'stefan', startSeconds: 10, text: 'a' },
        { speaker: 'Ryan', speakerSlug: 'ryan', startSeconds: 70, text: 'q' },
      ],
      100,
    );
    expect(t.measure).toBe('seconds');
    expect(t.shares.map((s) => [s.name, s.amount])).toEqual([
      ['Stefan', 60],
      ['Ryan', 40],
    ]);
    expect(t.shares[0]!.share).toBeCloseTo(0.6);
    expect(t.attributed).toBe(true);
  });
  it('counts words when there are no times, and pools unnamed turns', () => {
    const t = talkTimeShares(
      [
        { speaker: null, speakerSlug: null, startSeconds: null, text: 'one two three' },
        { speaker: null, speakerSlug: null, startSeconds: null, text: 'four' },
      ],
      null,
    );
    expect(t.measure).toBe('words');
    expect(t.shares).toEqual([{ name: null, slug: null, amount: 4, share: 1 }]);
    expect(t.attributed).toBe(false);
  });
});

describe('topicTimeline', () => {
  it('places marks by time and merges neighbours', () => {
    const rows = topicTimeline(
      [
        { ordinal: 0, startSeconds: 0, estimated: false, topics: ['pips'] },
        { ordinal: 1, startSeconds: 100, estimated: false, topics: ['pips', 'promotions'] },
        { ordinal: 2, startSeconds: 500, estimated: false, topics: [] },
        { ordinal: 3, startSeconds: 800, estimated: false, topics: ['promotions'] },
      ],
      1000,
    );
    expect(rows.map((r) => r.topic)).toEqual(['pips', 'promotions']);
    const pips = rows[0]!;
    expect(pips.marks).toHaveLength(1);
    expect(pips.marks[0]).toMatchObject({ left: 0, width: 50, ordinal: 0, count: 2 });
    const promo = rows[1]!;
    expect(promo.marks.map((m) => [m.left, m.ordinal])).toEqual([
      [10, 1],
      [80, 3],
    ]);
  });
  it('places untimed segments by position', () => {
    const rows = topicTimeline(
      [
        { ordinal: 0, startSeconds: null, estimated: false, topics: [] },
        { ordinal: 1, startSeconds: null, estimated: false, topics: [] },
        { ordinal: 2, startSeconds: null, estimated: false, topics: ['x'] },
        { ordinal: 3, startSeconds: null, estimated: false, topics: [] },
      ],
      null,
    );
    expect(rows[0]!.marks[0]).toMatchObject({ left: 50, width: 25, ordinal: 2 });
  });
});

import { groupByChapter, showSpeaker } from '@/lib/episode/transcript';

describe('groupByChapter', () => {
  it('runs segments under chapter headings and keeps empty chapters in place', () => {
    const chapters = [
      { id: 10, ordinal: 0 },
      { id: 11, ordinal: 1 },
      { id: 12, ordinal: 2 },
    ];
    const segments = [
      { n: 0, chapterId: null },
      { n: 1, chapterId: 10 },
      { n: 2, chapterId: 10 },
      { n: 3, chapterId: 12 },
    ];
    const groups = groupByChapter(chapters, segments);
    expect(groups.map((g) => [g.chapter?.id ?? null, g.segments.map((s) => s.n)])).toEqual([
      [null, [0]],
      [10, [1, 2]],
      [11, []],
      [12, [3]],
    ]);
  });
  it('prints a speaker name when the speaker changes', () => {
    expect(showSpeaker(undefined, { speaker: 'A' })).toBe(true);
    expect(showSpeaker({ speaker: 'A' }, { speaker: 'A' })).toBe(false);
    expect(showSpeaker({ speaker: 'A' }, { speaker: null })).toBe(false);
  });
});
