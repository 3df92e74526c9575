import { describe, expect, it } from 'vitest';
import { buildSnippet, escapeHtml } from '@/lib/search/snippet';
import type { Highlight } from '@/lib/search/types';

const hl = (h: Partial<Highlight>): Highlight => ({ exact: [], prefixes: [], phrases: [], ...h });

describe('buildSnippet', () => {
  it('escapes the text before marking it', () => {
    const html = buildSnippet('Never run <script>alert("x")</script> & friends', hl({ exact: ['script'] }));
    expect(html).toBe('Never run &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; friends');
  });

  it('never marks inside an entity', () => {
    expect(buildSnippet('a < b', hl({ exact: ['lt'] }))).toBe('a &lt; b');
  });

  it('marks prefixes, whole phrases, and accented words by their plain form', () => {
    expect(buildSnippet('Promotions and promo packets', hl({ prefixes: ['promo'] }))).toBe('<mark>Promotions</mark> and <mark>promo</mark> packets');
    expect(buildSnippet('Can you get out of a PIP? Yes.', hl({ phrases: [{ words: ['out', 'of', 'a', 'pip'], prefix: false }] }))).toBe(
      'Can you get <mark>out of a PIP</mark>? Yes.',
    );
    expect(buildSnippet('Un café noir', hl({ exact: ['cafe'] }))).toBe('Un <mark>café</mark> noir');
  });

  it('cuts long text around the first match, on word boundaries', () => {
    const text = `${'lorem ipsum '.repeat(60)}the promotion came ${'dolor sit '.repeat(60)}`;
    const html = buildSnippet(text, hl({ prefixes: ['promotion'] }), { maxChars: 120 });
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('<mark>promotion</mark>');
    expect(html.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(122);
    expect(html).not.toMatch(/…\S*m …/);
  });

  it('shows the start of the text when nothing in it matched (a title match)', () => {
    expect(buildSnippet('Short text.', hl({ exact: ['zebra'] }))).toBe('Short text.');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('buildSnippet on long turns', () => {
  it('reads only up to the window after the first match, and shows what reading all of it shows', () => {
    let s = 7;
    const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const words = ['promo', 'promotion', 'Café', 'staff', 'the', 'engineer', 'said', 'a', 'lot', 'about', 'it', '<b>', '&'];
    // a phrase that never matches makes buildSnippet read every token: the long way, to compare with
    const never = { words: ['zzqqzz'], prefix: false };
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 20 + Math.floor(r() * 400) }, () => words[Math.floor(r() * words.length)]!).join(r() < 0.5 ? ' ' : ', ');
      const h = hl(r() < 0.5 ? { exact: ['staff'] } : { prefixes: ['promo'], exact: ['cafe'] });
      for (const maxChars of [60, 260]) expect(buildSnippet(text, h, { maxChars })).toBe(buildSnippet(text, { ...h, phrases: [never] }, { maxChars }));
    }
  });
});
