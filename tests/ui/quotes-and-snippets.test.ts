import { describe, expect, it } from 'vitest';
import { quoteFromText, splitSentences } from '@/lib/episode/quotes';
import { parseSnippet, unescapeEntities } from '@/lib/episode/snippet';

describe('quotes', () => {
  it('splits sentences without cutting at abbreviations', () => {
    expect(splitSentences('Amazon vs. Meta is hard. Really? Yes!')).toEqual(['Amazon vs. Meta is hard.', 'Really?', 'Yes!']);
  });
  it('picks the sentence that names the topic', () => {
    const text = 'We talked about a lot of things that day, including where the team was going. Then I was put on a PIP and everything changed for me. It was hard.';
    expect(quoteFromText(text, /\bpip\b/giu)).toBe('Then I was put on a PIP and everything changed for me. It was hard.');
  });
  it('keeps the first sentence when nothing matches', () => {
    expect(quoteFromText('First one here. Second one.', /zzz/g)).toBe('First one here. Second one.');
  });
  it('cuts unpunctuated captions around the match', () => {
    const words = Array.from({ length: 120 }, (_, i) => `w${i}`);
    words[80] = 'promo';
    const q = quoteFromText(words.join(' '), /promo/gi, 120);
    expect(q).toContain('promo');
    expect(q.startsWith('…')).toBe(true);
    expect(q.length).toBeLessThanOrEqual(122);
  });
});

describe('snippets', () => {
  it('un-escapes entities', () => {
    expect(unescapeEntities('a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#x27; &bogus;')).toBe('a <b> & "c" \'d\' &bogus;');
  });
  it('splits marks into parts and keeps markup as text', () => {
    expect(parseSnippet('say &lt;script&gt; <mark>PIP</mark> now <mark>promo</mark>')).toEqual([
      { text: 'say <script> ', marked: false },
      { text: 'PIP', marked: true },
      { text: ' now ', marked: false },
      { text: 'promo', marked: true },
    ]);
  });
});
