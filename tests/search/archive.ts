import type { FixtureDoc } from './fixture';

const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => ['we', 'talked', 'about', 'teams', 'roadmaps', 'quarters', 'hiring', 'and', 'planning'][i % 9]).join(' ');

/** A small archive with known answers: each test below names the segment it expects. */
export const ARCHIVE: FixtureDoc[] = [
  {
    slug: 'climbing-at-meta',
    title: 'Climbing the ladder at Meta',
    show: 'The Ladder Pod',
    guests: ['Dana Ortiz'],
    chapters: [
      {
        title: 'Early career',
        segments: [
          { speaker: 'Ryan Peterman', start: 10, text: 'Welcome to the show. Today we talk about promotions and performance reviews.' },
          { speaker: 'Dana Ortiz', start: 30, text: 'My first promotion came after two years of shipping migrations.' },
        ],
      },
      {
        title: 'Can you get out of a PIP?',
        topics: { pips: 0.9 },
        segments: [
          { speaker: 'Ryan Peterman', start: 100, text: 'You mentioned PIPs. Can people really get out of one?', topics: { pips: 0.8 } },
          { speaker: 'Dana Ortiz', start: 130, text: 'People can get out of a PIP if the manager supports them. The PIP is a paper trail.', topics: { pips: 0.95 } },
        ],
      },
      {
        title: 'Long tangent',
        segments: [
          { speaker: 'Dana Ortiz', start: 200, text: `${filler(70)} and once a pip came up ${filler(70)}.` },
          { speaker: 'Ryan Peterman', start: 300, text: 'We are tokenmaxxing now, everyone burns tokens on the leaderboard.' },
        ],
      },
      {
        title: 'Staff promo',
        topics: { promotions: 0.9 },
        segments: [
          { speaker: 'Dana Ortiz', start: 400, text: 'The staff promo packet took months to write.', topics: { promotions: 0.7 } },
          { speaker: 'Ryan Peterman', start: 430, text: 'Promo packet reviews happen at calibration.' },
          { speaker: 'Dana Ortiz', start: 460, text: "A <script>alert('x')</script> tag in a transcript must stay text & be shown." },
        ],
      },
    ],
  },
  {
    slug: 'layoffs-brief',
    title: 'Layoffs and severance',
    kind: 'brief',
    segments: [
      { text: 'The layoff hit the staff engineers hardest, promo or not.', topics: { layoffs: 0.9 } },
      { text: 'Severance packages vary; negotiate the severance before signing.', topics: { layoffs: 0.6 } },
      { text: 'God is in the details, said nobody at the layoff.' },
      { text: 'Good managers explain the promotion process early.' },
    ],
  },
  {
    slug: 'offers-at-amazon',
    title: 'Negotiating offers at Amazon',
    show: 'Offer Letter',
    guests: ['Sam Lee'],
    chapters: [
      {
        title: 'Offers',
        segments: [
          { speaker: 'Sam Lee', start: 5, text: 'Promotion after promotion: I negotiated my promotion twice.' },
          { speaker: 'Sam Lee', start: 50, text: 'The packet and the staff title came later, promo after promo.' },
        ],
      },
    ],
  },
];
