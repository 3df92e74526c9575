import { describe, expect, it } from 'vitest';
import { extractMoments } from '@/lib/careers/extract';
import { brief, data, interview } from './helpers';

const chapter = (title: string, startSeconds: number, ordinal = 0) => ({ ordinal, title, startSeconds, estimated: false, generated: false });

describe('moments in a whole interview', () => {
  it('takes what a host says of the guest, kept with the guest’s answer as one story', () => {
    const moments = extractMoments(
      interview([
        { who: 'host', text: 'I saw that you got promoted from senior to staff at Stripe. What was that like?' },
        'Yeah, I got promoted after about two years, and it was a grind.',
      ]),
      data,
    );
    expect(moments.map(brief)).toEqual([{ kind: 'promotion', company: 'Stripe', from: 'senior', to: 'staff', year: null }]);
    expect(moments[0]).toMatchObject({ source: 'speech', segmentOrdinal: 1, durationMonths: 24, speakerRole: 'guest' });
  });

  it('drops a host’s yes-or-no question the guest says no to', () => {
    const moments = extractMoments(
      interview([{ who: 'host', text: 'So you were laid off from Meta in 2023?' }, 'No, I left on my own before that round.']),
      data,
    );
    expect(moments.filter((m) => m.kind === 'layoff')).toEqual([]);
  });

  it('gives a promotion the level of the chapter it is told in', () => {
    const moments = extractMoments(interview(['I got promoted in the end, after a long wait.'], { chapters: [chapter('Staff promo at Google', 0)] }), data);
    expect(moments.map(brief)).toEqual([{ kind: 'promotion', company: 'Google', from: 'senior', to: 'staff', year: null }]);
  });

  it('places a moment at the company the turn is about when the sentence names none', () => {
    const moments = extractMoments(interview(['I spent six years working at Shopify. When I first joined, the team was tiny.']), data);
    expect(moments.map(brief)).toEqual([{ kind: 'joined', company: 'Shopify', from: null, to: null, year: null }]);
  });

  it('reads a summary about the guest by name and lands its moments on the chapters that tell them', () => {
    const input = interview([{ who: 'host', text: 'Welcome.' }, 'Thanks.', 'So the first promotion was quick.', 'And then senior.'], {
      summary: 'Dana’s first promotion came within six months.\nDana was promoted to senior engineer at Stripe two years later.\nThe host was promoted too.',
      chapters: [chapter('Intro', 0, 0), chapter('Mid-level promo', 120, 1), chapter('Senior promo', 180, 2)],
    });
    input.segments.forEach((s, i) => (s.chapterOrdinal = i < 2 ? 0 : i - 1));
    const moments = extractMoments(input, data);
    expect(moments.map((m) => [m.source, m.fromLevel, m.toLevel, m.company, m.seconds])).toEqual([
      ['summary', 'junior', 'mid', 'Stripe', 120],
      ['summary', 'mid', 'senior', 'Stripe', 180],
    ]);
    expect(moments[0]?.durationMonths).toBe(6);
  });

  it('leaves an unattributed transcript of two voices alone: nobody knows who said "I"', () => {
    const input = interview(['I got promoted to staff at Google in 2019.']);
    input.segments.forEach((s) => {
      s.speakerName = null;
      s.speakerLabel = null;
    });
    expect(extractMoments(input, data)).toEqual([]);
  });

  it('has no moments for a document without a guest', () => {
    const input = interview(['I got promoted to staff at Google in 2019.']);
    expect(extractMoments({ ...input, people: input.people.filter((p) => p.role === 'host') }, data)).toEqual([]);
  });
});
