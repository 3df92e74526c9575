/**
 * Word pieces without which no pattern can match: a segment is split into
 * sentences and read only when it holds one, and then only the sentences that
 * hold one. One regular expression of plain pieces (no word boundaries, no
 * case folding) keeps the scan cheap; tests check every pattern's examples pass it.
 */
export const TRIGGER = /romo|anag|join|Join|Landing|Leaving|left|quit|leav|[Ff]ound|started|launch|incorporat|formed|set up|spun up|laid|ayoff|PIP|hired|job|work(?:ing|ed)? (?:at|for)|staff|principal|\d to [A-Z]|let (?:me|us|him|her) go|back (?:in)?to/;

const GLOBAL = new RegExp(TRIGGER.source, 'g');

/** Offsets of the trigger pieces in `text`, in order. */
export function triggerOffsets(text: string): number[] {
  if (!TRIGGER.test(text)) return [];
  const at: number[] = [];
  GLOBAL.lastIndex = 0;
  for (let m = GLOBAL.exec(text); m; m = GLOBAL.exec(text)) at.push(m.index);
  return at;
}
