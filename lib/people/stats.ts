import type { ParsedDocument } from '../ingest/types';
import { cleanLabel } from '../text/names';
import type { SpeakerStat } from './types';

function words(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Turns and words of speech per speaker label, in order of first appearance. */
export function speakerStats(doc: Pick<ParsedDocument, 'segments'>): SpeakerStat[] {
  const stats = new Map<string, SpeakerStat>();
  let lastLabel: string | null = null;
  let lastTurn: number | null | undefined;
  for (const s of doc.segments) {
    if (!s.speaker) continue;
    const label = cleanLabel(s.speaker);
    if (!label) continue;
    const stat = stats.get(label) ?? stats.set(label, { label, turns: 0, words: 0 }).get(label)!;
    // a turn split in several segments (cues, length limits) counts once
    if (label !== lastLabel || s.turn === undefined || s.turn !== lastTurn) stat.turns++;
    if ((s.kind ?? 'speech') === 'speech') stat.words += words(s.text);
    lastLabel = label;
    lastTurn = s.turn;
  }
  return [...stats.values()];
}
