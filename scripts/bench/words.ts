/** Word lists of the synthetic benchmark corpus. */

export const FUNCTION_WORDS = (
  'the and to of a i you that it in is was so like we they but for this what on with be have just know really think ' +
  'my at are not do there about all me one as if can or were when your people had because would going get how them out ' +
  'time an he very lot then from more kind some who which now she been thing where also much than things our into way'
).split(' ');

export const CAREER_TERMS = (
  'promotion promotions promo promoted manager managers management staff senior principal engineer engineers engineering ' +
  'layoff layoffs pip performance review calibration rating interview interviews offer offers equity negotiate negotiation ' +
  'mentor mentorship sponsor scope impact leadership director team teams project projects launch deadline career growth ' +
  'level levels ladder feedback compensation salary bonus refresh recruiter hiring startup company companies meta amazon ' +
  'google microsoft burnout oncall incident outage architecture design system systems migration infrastructure quarter ' +
  'roadmap stakeholder stakeholders influence visibility ownership ambiguity execution strategy product customer customers ' +
  'tech lead leads reorg politics culture remote office onboarding junior intern interns internship offer layoffs severance ' +
  'stock vesting cliff rsu bootcamp degree university coding leetcode algorithms whiteboard behavioral storytelling writing ' +
  'document documents proposal promo packet committee peer peers skip level expectations exceeds meets'
)
  .split(' ')
  .filter((w, i, all) => all.indexOf(w) === i);

/** Phrases planted verbatim; their words also occur scattered and reordered elsewhere. */
export const PLANTED_PHRASES = [
  'negotiate the equity refresh before signing',
  'skip level feedback changed my career',
  'staff promo packet was rejected twice',
  'calibration committee downgraded my rating',
  'oncall burnout made me quit',
  'the layoff came during vesting cliff',
  'mentor sponsor difference matters',
  'leetcode grind paid off eventually',
  'reorg killed the migration project',
  'principal engineer scope is ambiguity',
  'performance review surprise at meta',
  'recruiter lowballed the compensation offer',
  'behavioral interview storytelling framework',
  'junior engineers need visibility early',
  'roadmap influence without authority',
  'severance negotiation with hr',
  'writing design documents builds influence',
  'promo committee wanted more impact',
  'remote onboarding felt lonely',
  'tech lead ownership of outages',
];

export const TOPICS: { slug: string; name: string; phrases: string[] }[] = [
  { slug: 'promotions', name: 'Promotions', phrases: ['promotion*', 'promo', 'promoted', 'promo packet'] },
  { slug: 'pips', name: 'PIPs', phrases: ['pip', 'pips', 'performance improvement plan'] },
  { slug: 'layoffs', name: 'Layoffs', phrases: ['layoff*', 'severance'] },
  { slug: 'interviews', name: 'Interviews', phrases: ['interview*', 'leetcode', 'whiteboard', 'behavioral'] },
  { slug: 'negotiation', name: 'Negotiation', phrases: ['negotiat*', 'offer*', 'compensation', 'equity'] },
  { slug: 'management', name: 'Management', phrases: ['manager*', 'management', 'director', 'skip level'] },
  { slug: 'performance', name: 'Performance reviews', phrases: ['performance review', 'calibration', 'rating', 'feedback'] },
  { slug: 'burnout', name: 'Burnout', phrases: ['burnout', 'oncall', 'incident*', 'outage*'] },
  { slug: 'mentorship', name: 'Mentorship', phrases: ['mentor*', 'sponsor*'] },
  { slug: 'staff-engineering', name: 'Staff engineering', phrases: ['staff', 'principal', 'tech lead*', 'scope'] },
];

export const FIRST = ['Ana', 'Ben', 'Chen', 'Dana', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jia', 'Kofi', 'Lena', 'Mo', 'Nia', 'Omar', 'Priya', 'Raj', 'Sara', 'Tom', 'Uma', 'Vik', 'Wen', 'Yusuf', 'Zoe'];
export const LAST = ['Abara', 'Brandt', 'Costa', 'Dubois', 'Eze', 'Fischer', 'Garcia', 'Horvat', 'Ito', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Park', 'Quinn', 'Rossi', 'Sato', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Yilmaz'];
export const SHOWS = [
  ['The Ladder Pod', 'Ryan Peterman'],
  ['Staff Stories', 'Dana Ortiz'],
  ['Promo Hour', 'Sam Lee'],
  ['Eng Careers Weekly', 'Kim Novak'],
  ['Offer Letter', 'Alex Moreau'],
] as const;

