import { describe, expect, it } from 'vitest';
import { parseMomentQuery } from '@/lib/careers/params';
import { buildTimeline, type TimelineMoment } from '@/lib/careers/timeline';
import { data } from './helpers';

const m = (kind: TimelineMoment['kind'], company: string | null, year: number | null = null): TimelineMoment & { id: string } => ({
  kind,
  company,
  year,
  id: `${kind}@${company}`,
});
const facts = { careerStartYear: null, currentCompany: null, biggestRole: null, asOf: 2025 };

describe('a career as a timeline', () => {
  it('makes a band per company in the order told, with the front-matter facts placed on it', () => {
    const t = buildTimeline(
      [m('joined', 'Amazon', 2012), m('track', 'Amazon'), m('left', 'Amazon'), m('promotion', 'Meta'), m('joined', 'Meta'), m('left', 'Meta'), m('founded', 'Hello Interview')],
      { careerStartYear: 2002, currentCompany: 'Hello Interview', biggestRole: 'Senior Engineering Manager at Meta', asOf: 2025 },
    );
    expect(t.bands.map((b) => [b.company, b.start, b.end, b.now])).toEqual([
      ['Amazon', 2012, null, false],
      ['Meta', null, null, false],
      ['Hello Interview', null, null, true],
    ]);
    expect(t.bands[1]!.facts).toEqual(['Biggest role: Senior Engineering Manager']);
    // a stint begins with joining and ends with leaving, whatever order they were told in
    expect(t.bands[1]!.marks.map((x) => x.kind)).toEqual(['joined', 'promotion', 'left']);
    expect([t.careerStart, t.from, t.to]).toEqual([2002, 2002, 2025]);
  });

  it('puts the years said before the order told, and keeps undated stints where the story has them', () => {
    const t = buildTimeline([m('joined', 'Meta', 2019), m('joined', 'Acme'), m('joined', 'Google', 2015)], facts);
    expect(t.bands.map((b) => b.company)).toEqual(['Google', 'Acme', 'Meta']);
  });

  it('adds the current company last, and keeps moments at no named company apart', () => {
    const t = buildTimeline([m('left', null), m('joined', 'Stripe', 2014)], { ...facts, currentCompany: 'Render' });
    expect(t.bands.map((b) => [b.company, b.now])).toEqual([
      ['Stripe', false],
      ['Render', true],
    ]);
    expect(t.elsewhere.map((x) => x.kind)).toEqual(['left']);
  });
});

describe('moment query parameters (API and CLI)', () => {
  it('reads levels by any of their names, at the company given', () => {
    const q = parseMomentQuery(new URLSearchParams('company=Meta&from=E5&to=staff&kind=promotion&took=1-2y&limit=5'), data.levels);
    expect(q).toEqual({ ok: true, query: { company: 'Meta', from: 'senior', to: 'staff', kind: 'promotion', took: '1-2y', limit: 5, offset: 0 } });
  });

  it('names the bad parameter', () => {
    expect(parseMomentQuery({ kind: 'promotions' }, data.levels)).toMatchObject({ ok: false, error: expect.stringMatching(/^kind must be one of/) });
    expect(parseMomentQuery({ to: 'wizard' }, data.levels)).toMatchObject({ ok: false, error: expect.stringMatching(/^to: "wizard"/) });
    expect(parseMomentQuery({ limit: '0' }, data.levels)).toMatchObject({ ok: false, error: expect.stringMatching(/^limit/) });
    expect(parseMomentQuery({ track: 'exec' }, data.levels)).toMatchObject({ ok: false, error: 'track must be ic or manager' });
  });
});
