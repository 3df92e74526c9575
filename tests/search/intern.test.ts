import { describe, expect, it } from 'vitest';
import { TokenInterner } from '@/lib/search/intern';
import { tokenize } from '@/lib/search/tokenize';

const SAMPLES = [
  'Plain ASCII: the PIP, the pip and PIPs (3 of them) in 2024.',
  'Café, naïve and résumé — “curly quotes”, an ellipsis… and a non‑breaking hyphen.',
  'Combining accents: cafe\u0301 and e\u0301te\u0301; full-width ＡＢＣ１２３; ligature ﬁne.',
  'Mixed scripts: Zürich 東京 Москва, and an emoji 🎉 between words.',
  '',
  '   ',
  "It's O'Reilly's don't-stop co-op",
];

describe('TokenInterner', () => {
  it('gives the tokens tokenize gives, one id per distinct word whichever path found it', () => {
    const interner = new TokenInterner();
    for (const text of SAMPLES) {
      const ids: number[] = [];
      interner.addText(text, ids);
      expect(ids.map((id) => interner.words[id])).toEqual(tokenize(text));
    }
    // the same word reached as plain ASCII and through normalization is one id
    expect(new Set(interner.words).size).toBe(interner.words.length);
    const a: number[] = [];
    const b: number[] = [];
    interner.addText('cafe', a);
    interner.addText('café', b);
    expect(a).toEqual(b);
    const pip: number[] = [];
    interner.addText('PIP', pip);
    expect(interner.idOfWord('pip')).toBe(pip[0]);
  });

  it('marks stopwords', () => {
    const interner = new TokenInterner();
    const ids: number[] = [];
    interner.addText('the staff engineer', ids);
    expect(ids.map((id) => interner.stop[id])).toEqual([1, 0, 0]);
  });

  it('keeps ids stable across many words (the table grows)', () => {
    const interner = new TokenInterner();
    const words = Array.from({ length: 20000 }, (_, i) => `w${i.toString(36)}`);
    const first: number[] = [];
    interner.addText(words.join(' '), first);
    const again: number[] = [];
    interner.addText(words.join(' '), again);
    expect(again).toEqual(first);
    expect(interner.size).toBe(words.length);
  });
});
