/**
 * Word pieces a career moment is almost always told with: a segment is split
 * into sentences and read only when it holds one, and then only the sentences
 * that hold one. One regular expression of plain pieces (no word boundaries, no
 * case folding) keeps the scan to about a word-count pass over the archive; each
 * piece costs about as much again as a plain search for it, so rare ways of
 * telling a moment ("we incorporated", "they let me go") are left out rather than
 * slow every import. Tests check the patterns' examples pass it.
 */
export const TRIGGER = /romo|anag|join|left|quit|leav|found|started|laid|let (?:me|us|him|her) go|PIP|hired|job|work (?:at|for)|staff|\d to [A-Z]|back to/;

const GLOBAL = new RegExp(TRIGGER.source, 'g');

/** Offsets of the trigger pieces in `text` (and of an extra trigger's), in order. */
export function triggerOffsets(text: string, extra?: RegExp): number[] {
  const at: number[] = [];
  for (const [test, re] of extra ? [[TRIGGER, GLOBAL] as const, [extra, new RegExp(extra.source, 'g')] as const] : [[TRIGGER, GLOBAL] as const]) {
    if (!test.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) at.push(m.index);
  }
  return extra ? at.sort((a, b) => a - b) : at;
}

/** Section headings of a summary ("Landing Meta", "Leaving Meta for Startups") are read with their own words. */
export const HEADING_TRIGGER = /Landing|Joining|Leaving/;
