import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainScan, scanText } from '@/lib/topics/evidence';
import { parseTaxonomy } from '@/lib/topics/taxonomy';
import { tagDocument, type TaggableSegment } from '@/lib/topics/tagger';

// the project's own taxonomy: these rules are what content/topics.yaml says
const taxonomy = parseTaxonomy(fs.readFileSync(path.join(process.cwd(), 'content', 'topics.yaml'), 'utf8'));

/** The topics of one passage spoken by a guest, in a document made of it alone three times over (past the document gate). */
function topicsOf(text: string, role: TaggableSegment['role'] = 'guest'): string[] {
  const segments = [0, 1, 2].map(() => ({ text, role, chapter: null }));
  return tagDocument({ segments, chapters: [] }, taxonomy).segments[0]!.map((t) => t.slug);
}

describe('senses: a word that names a topic in one sense does not in another', () => {
  it('a promo code is not a promotion', () => {
    expect(topicsOf('Go to the store and enter the promo code SPRING for twenty percent off your first order.')).not.toContain('promotions');
    expect(topicsOf('After two years my manager put me up for promotion to senior engineer, and I got promoted in the spring cycle.')).toContain('promotions');
  });

  it('a pipe is not a PIP: piped, pipeline', () => {
    expect(topicsOf('He piped all those customer complaints into a channel, and the build pipeline posts there too.')).not.toContain('pips');
  });

  it("Python's pip install is not a PIP", () => {
    expect(topicsOf('PIP install the package, pin the dependencies, and the PIP cache does the rest.')).not.toContain('pips');
    expect(topicsOf('Just pip install it; pip is the package installer for Python.')).not.toContain('pips');
  });

  it('a PIP story is about PIPs', () => {
    expect(topicsOf('My manager put me on a PIP after one bad review. I had sixty days and a paper trail to get out of it, and HR joined every meeting.')).toContain('pips');
  });

  it('star ratings are not performance ratings', () => {
    expect(topicsOf('Drivers below a 4.6 star rating get fewer rides, so riders learn that five stars is the only real rating in the app.')).not.toContain(
      'performance-reviews',
    );
    expect(topicsOf('In calibration my manager argued for a higher rating, but the director held everyone on the team to the curve.')).toContain(
      'performance-reviews',
    );
  });

  it('founder mode, or founding a company, is not leaving big tech; leaving is', () => {
    expect(topicsOf('Founder mode means the founder gets into every detail of the product, and the founders of our company love it.')).not.toContain(
      'leaving-big-tech',
    );
    expect(topicsOf('We founded the company in a garage in 2009 and grew it to forty people.')).not.toContain('leaving-big-tech');
    expect(topicsOf('I left Google after eight years to start a startup with my co-founder, and gave up a lot of equity to do it.')).toContain(
      'leaving-big-tech',
    );
  });

  it('a layoff story is about layoffs', () => {
    expect(topicsOf('I was laid off with ten percent of the company last spring; the severance was three months and the job market was rough.')).toContain(
      'layoffs',
    );
    expect(topicsOf('Let go of the mouse and the window closes.')).not.toContain('layoffs');
  });

  it('explains what counted and what was set aside', () => {
    const lines = explainScan(scanText('Use the promo code SPRING. Then pip install it.', taxonomy), taxonomy);
    expect(lines.some((l) => l.startsWith('ad read'))).toBe(true);
    expect(lines.find((l) => l.startsWith('pips'))).toMatch(/set aside "pip" \(sense "pip install\*"\)/);
  });
});

describe('context', () => {
  const pip = 'Were you ever put on a PIP, and did your manager tell you why?';

  it("weighs a guest's story above a host's question with the same words", () => {
    const doc = tagDocument(
      {
        segments: [
          { text: pip, role: 'host', chapter: null },
          { text: 'Nothing about it here.', role: 'guest', chapter: null },
          { text: 'Nothing about it here.', role: 'guest', chapter: null },
          { text: 'Nothing about it here.', role: 'guest', chapter: null },
          { text: pip, role: 'guest', chapter: null },
          { text: pip, role: 'guest', chapter: null },
        ],
        chapters: [],
      },
      taxonomy,
    );
    const host = doc.segments[0]!.find((t) => t.slug === 'pips')?.score ?? 0;
    const guest = doc.segments[5]!.find((t) => t.slug === 'pips')?.score ?? 0;
    expect(guest).toBeGreaterThan(host);
  });

  it('never tags an ad read, a break or a pseudo-speaker', () => {
    const story = 'I was laid off with half the company; severance was a month and the job market was brutal.';
    const doc = tagDocument(
      {
        segments: [
          { text: `${story} This episode is brought to you by Acme.`, role: 'host', chapter: null },
          { text: story, kind: 'ad', role: null, chapter: null },
          { text: story, kind: 'break', role: null, chapter: null },
          { text: story, role: 'pseudo', chapter: null },
        ],
        chapters: [],
      },
      taxonomy,
    );
    expect(doc.segments.flat()).toEqual([]);
    expect(doc.document).toEqual([]);
  });

  it('puts a document on a topic with several on-topic segments or a chapter about it, never for one stray mention', () => {
    const filler = (n: number) => Array.from({ length: n }, () => ({ text: 'We talked about databases and query planners.', role: 'guest' as const, chapter: null }));
    const layoff = { text: 'I was laid off with ten percent of the company; the severance was three months.', role: 'guest' as const, chapter: null };
    const stray = tagDocument({ segments: [...filler(30), layoff, ...filler(30)], chapters: [] }, taxonomy);
    expect(stray.document.map((d) => d.slug)).not.toContain('layoffs');
    expect(stray.segments.flat()).toEqual([]);
    const several = tagDocument({ segments: [...filler(30), layoff, layoff, ...filler(10), layoff, ...filler(30)], chapters: [] }, taxonomy);
    expect(several.document.find((d) => d.slug === 'layoffs')).toMatchObject({ segments: 3, chapter: false });
    const chaptered = tagDocument(
      {
        segments: [...filler(30), { ...layoff, chapter: 0 }, ...filler(30)],
        chapters: [{ title: 'Getting laid off' }],
      },
      taxonomy,
    );
    expect(chaptered.chapters[0]!.map((t) => t.slug)).toContain('layoffs');
    expect(chaptered.document.find((d) => d.slug === 'layoffs')).toMatchObject({ chapter: true });
  });

  it('lets a chapter about the topic stand in for a cue', () => {
    const weak = { text: 'Can you get out of one? Some do.', role: 'guest' as const, chapter: 0 };
    const pipTitle = tagDocument({ segments: [weak, { text: 'It was a PIP, yes.', role: 'guest', chapter: 0 }], chapters: [{ title: 'Can you get out of a PIP?' }] }, taxonomy);
    expect(pipTitle.chapters[0]!.map((t) => t.slug)).toEqual(['pips']);
    expect(pipTitle.segments[1]!.map((t) => t.slug)).toContain('pips');
    const noTitle = tagDocument({ segments: [weak, { text: 'It was a PIP, yes.', role: 'guest', chapter: 0 }], chapters: [{ title: 'Getting started' }] }, taxonomy);
    expect(noTitle.segments.flat()).toEqual([]);
  });
});
