import { describe, expect, it } from 'vitest';
import { TRIGGER } from '@/lib/careers/trigger';
import { brief, said } from './helpers';

/** Each pattern on a short text of our own, and the near misses it must leave alone. */
const cases: [string, string, object[]][] = [
  // promotions
  ['passive promotion with levels, company and year', 'I got promoted to staff at Google in 2019.', [{ kind: 'promotion', company: 'Google', from: 'senior', to: 'staff', year: 2019 }]],
  ['from one level to another', 'I was promoted from senior to principal engineer at Stripe.', [{ kind: 'promotion', company: 'Stripe', from: 'senior', to: 'principal' }]],
  ['a code read at its company', 'They promoted me to E6 at Meta after two years.', [{ kind: 'promotion', company: 'Meta', from: 'senior', to: 'staff' }]],
  ['"made" a level', 'I made staff at Meta when I was 29.', [{ kind: 'promotion', company: 'Meta', to: 'staff' }]],
  ['the possessive form', 'My promotion to senior came after eighteen months.', [{ kind: 'promotion', from: 'mid', to: 'senior' }]],
  ['"went from" two levels', 'I went from E4 to E5 in a year at Meta.', [{ kind: 'promotion', company: 'Meta', from: 'mid', to: 'senior' }]],
  ['"it took me … to get promoted"', 'It took me two years to get promoted to senior.', [{ kind: 'promotion', to: 'senior' }]],
  ['a promo code is not a promotion', 'Use the promo code LADDER for twenty percent off.', []],
  ['someone else’s promotion', 'My manager got promoted last year.', []],
  ['promoting a release', 'We promoted the release to production on Friday.', []],
  ['promoting a project', 'I promoted our open source project at every conference.', []],
  ['a promotion only imagined', 'If I got promoted, I would stay another year.', []],
  ['a promotion that did not happen', "I didn't get promoted that cycle.", []],
  ['a promo packet is not a promotion', 'I spent weeks on my promo packet.', []],
  ['"made senior leadership" is no level', 'I made senior leadership aware of the outage.', []],
  // tracks
  ['becoming a manager', 'I became an engineering manager in 2016.', [{ kind: 'track', year: 2016 }]],
  ['going back to IC', 'After five years I went back to being an IC.', [{ kind: 'track' }]],
  ['management as a subject', 'I switched to management science at university.', []],
  ['someone else becoming a manager', 'My manager became a director.', []],
  // joining and leaving
  ['joining a company, with the year', 'I joined Stripe in 2014.', [{ kind: 'joined', company: 'Stripe', year: 2014 }]],
  ['starting work at a company', 'I started working at Amazon as an intern.', [{ kind: 'joined', company: 'Amazon' }]],
  ['joining a company not in the gazetteer, as a role', 'I joined Acme Robotics as a senior engineer.', [{ kind: 'joined', company: 'Acme Robotics' }]],
  ['joining a team', 'I joined the infrastructure team in 2014.', []],
  ['joining an app', 'I joined Twitter in 2009 to follow my friends.', []],
  ['going to a conference', 'I went to Google I/O that spring.', []],
  ['leaving a company', 'I left Google in 2018 to start a company.', [{ kind: 'left', company: 'Google', year: 2018 }]],
  ['leaving a meeting', 'I left the meeting early.', []],
  ['leaving a comment', 'I left a comment on the pull request.', []],
  ['leaving an app', 'I left Twitter because of the noise.', []],
  ['joined, then left, in one sentence', 'I joined Stripe as the fifth engineer in 2011, and I left in 2016.', [{ kind: 'joined', company: 'Stripe', year: 2011 }, { kind: 'left', company: 'Stripe', year: 2016 }]],
  // PIPs and layoffs
  ['a PIP', 'I was put on a PIP in 2019.', [{ kind: 'pip', year: 2019 }]],
  ['putting someone else on a PIP', 'I put him on a PIP after the second incident.', []],
  ['pip the installer', 'Just pip install the package and run it.', []],
  ['piping output', 'He piped the output into jq.', []],
  ['a layoff, with the company', 'I got laid off from Meta in 2023.', [{ kind: 'layoff', company: 'Meta', year: 2023 }]],
  ['being let go', 'They let me go after the acquisition.', [{ kind: 'layoff' }]],
  ['laying others off', 'We had to lay off ten people.', []],
  ['"let me go back"', 'Let me go back to your question.', []],
  // founding
  ['co-founding a named company', 'I co-founded Acme Robotics in 2015.', [{ kind: 'founded', company: 'Acme Robotics', year: 2015 }]],
  ['"we started the company"', 'We started the company in 2012 with two friends.', [{ kind: 'founded', year: 2012 }]],
  ['a company called X', 'In 2010 we started a company called Zebra Labs.', [{ kind: 'founded', company: 'Zebra Labs', year: 2010 }]],
  ['being its founder', "I'm the founder of Acme Robotics.", [{ kind: 'founded', company: 'Acme Robotics' }]],
  ['a side project is no company', 'I started a side project on weekends.', []],
  ['founder mode', 'Founder mode is overrated.', []],
  ['other people’s founding', 'The founders of Docker were great to work with.', []],
  ['other people’s words', 'Some kids told me, "We started a company to sell socks."', []],
];

describe('career-moment patterns on short texts', () => {
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const got = said(text).map(brief);
      expect(got.length, JSON.stringify(got)).toBe(expected.length);
      expected.forEach((e, i) => expect(got[i]).toMatchObject(e));
    });
  }

  it('every sentence that tells a moment holds a trigger word (only those sentences are read)', () => {
    for (const [, text, expected] of cases) if (expected.length > 0) expect(TRIGGER.test(text), text).toBe(true);
  });

  it('reads how long it took and how old the guest was', () => {
    const [m] = said('I made staff at Meta when I was 29, and it took me about three and a half years.');
    expect(m).toMatchObject({ age: 29, durationMonths: 42 });
    expect(said('My promotion to senior came after eighteen months.')[0]?.durationMonths).toBe(18);
  });

  it('places "N years ago" by the publication date, flagged as inferred', () => {
    const [m] = said('I joined Google five years ago.', { publishedOn: '2020-05-01' });
    expect(m).toMatchObject({ kind: 'joined', year: 2015, yearInferred: true });
    expect(said('I joined Google five years ago.')[0]?.year).toBeNull();
  });

  it('lands on the second the sentence is said at', () => {
    const [m] = said('I joined Stripe in 2014.');
    expect(m).toMatchObject({ segmentOrdinal: 1, seconds: 60, source: 'speech', speakerRole: 'guest', quote: 'I joined Stripe in 2014.' });
  });
});
