import { describe, expect, it } from 'vitest';
import { parseDateValue } from '@/lib/ingest/text/dates';
import { findGuestName } from '@/lib/ingest/text/guest-name';
import { splitParagraphs } from '@/lib/ingest/text/paragraphs';
import { isHeadingLine, looksTimed } from '@/lib/ingest/text/prose';
import { chunkWords, shortTitle } from '@/lib/text/sentences';
import { matchTurnLine } from '@/lib/ingest/text/turns';

describe('splitParagraphs', () => {
  it('treats long lines as one paragraph each, even without blank lines', () => {
    const long = 'word '.repeat(40).trim();
    expect(splitParagraphs([long, 'Short Heading', long]).map((p) => p.line)).toEqual([1, 2, 3]);
  });

  it('re-flows hard-wrapped prose, keeps lists and stacked header lines apart', () => {
    expect(splitParagraphs(['The first line of a', 'wrapped paragraph.', '', 'Next one.'], 10)).toEqual([
      { text: 'The first line of a wrapped paragraph.', line: 10 },
      { text: 'Next one.', line: 13 },
    ]);
    expect(splitParagraphs(['- one', '- two'])[0]!.text).toBe('- one\n- two');
    expect(splitParagraphs(['My Title', 'By Someone', '2024-01-02'])).toHaveLength(3);
  });
});

describe('chunkWords', () => {
  it('cuts at sentence ends once 40 words are reached', () => {
    const sentence = (n: number) => `${'word '.repeat(n - 1)}end.`;
    const chunks = chunkWords([sentence(30), sentence(20), sentence(50)].join(' '));
    expect(chunks.map((c) => c.wordCount)).toEqual([50, 50]);
    expect(chunks[1]!.wordOffset).toBe(50);
  });

  it('falls back to 80-word chunks without punctuation, never mid-word, and evens out a short tail', () => {
    const text = Array.from({ length: 170 }, (_, i) => `w${i}`).join(' ');
    const chunks = chunkWords(text);
    expect(chunks.map((c) => c.wordCount)).toEqual([80, 45, 45]);
    expect(chunks.map((c) => c.text).join(' ')).toBe(text);
  });

  it('handles empty text', () => {
    expect(chunkWords('  ')).toEqual([]);
  });
});

describe('shortTitle', () => {
  it('takes the first sentence, not fooled by abbreviations, and trims at a word boundary', () => {
    expect(shortTitle('Short one. Then more.')).toBe('Short one.');
    expect(shortTitle('Dr. Who vs. the world. Then more.')).toBe('Dr. Who vs. the world.');
    const t = shortTitle(`${'longword '.repeat(20)}end.`);
    expect(t.length).toBeLessThanOrEqual(80);
    expect(t).toMatch(/longword…$/);
  });
});

describe('parseDateValue', () => {
  it('reads day-first and ISO dates and rejects impossible ones', () => {
    expect(parseDateValue('15/08/2025')).toBe('2025-08-15');
    expect(parseDateValue('5/1/2024')).toBe('2024-01-05');
    expect(parseDateValue('2025-01-17')).toBe('2025-01-17');
    expect(parseDateValue('29/02/2023')).toBeNull();
    expect(parseDateValue('2024-00-10')).toBeNull();
    expect(parseDateValue('soon')).toBeNull();
  });
});

describe('findGuestName', () => {
  it('finds names after stock introductions, skipping the host and lower-case phrases', () => {
    expect(findGuestName(["ok so today's guest is Nadia Brooks and she"])).toBe('Nadia Brooks');
    expect(findGuestName(['we have Kofi Mensah on the show'])).toBe('Kofi Mensah');
    expect(findGuestName(['I am joined by Lena Park today'], ['Lena Park'])).toBeNull();
    expect(findGuestName(['a conversation is with the team lead'])).toBeNull();
    expect(findGuestName(['nothing here', 'How Rosa Diaz Built A Team'])).toBe('Rosa Diaz');
  });
});

describe('turn lines and prose signals', () => {
  it('matches the turn-line dialects', () => {
    expect(matchTurnLine('Ryan 00:00:59:')).toEqual({ speaker: 'Ryan', rawTime: '00:00:59', rest: '' });
    expect(matchTurnLine('Ann Lee (12:34): Hi there')).toEqual({ speaker: 'Ann Lee', rawTime: '12:34', rest: 'Hi there' });
    expect(matchTurnLine('(01:02:03):')).toEqual({ speaker: null, rawTime: '01:02:03', rest: '' });
    expect(matchTurnLine('00:12:34: more')).toEqual({ speaker: null, rawTime: '00:12:34', rest: 'more' });
    expect(matchTurnLine('We met at 10:30 to talk.')).toBeNull();
  });

  it('tells headings and timed text apart', () => {
    expect(isHeadingLine('The Platform Problem')).toBe(true);
    expect(isHeadingLine('A sentence that ends.')).toBe(false);
    expect(looksTimed('Jane  0:05\nhello\nJohn  0:09\nhi')).toBe(true);
    expect(looksTimed('A long paragraph that mentions a 9:30 meeting once in passing and carries on for a good while after it.')).toBe(false);
  });
});
