import type { ParsedDocument } from '@/lib/ingest/types';
import type { DocResolution } from '@/lib/people/types';
import { cleanLabel } from '@/lib/text/names';

/**
 * A brief voice heard only around an ad read is the sponsor's: its turns are
 * part of the ad. Voices elsewhere in the episode (a caller, a clip) stay speech.
 */
export function markSponsorVoices(doc: ParsedDocument, resolution: DocResolution): void {
  const voices = new Set(resolution.speakers.filter((s) => s.role === 'voice').map((s) => s.label));
  if (voices.size === 0 || !doc.segments.some((s) => s.kind === 'ad')) return;
  const segs = doc.segments;
  const nearAd = (i: number) => segs[i - 1]?.kind === 'ad' || segs[i + 1]?.kind === 'ad';
  const byVoice = new Map<string, number[]>();
  segs.forEach((s, i) => {
    const label = s.speaker ? cleanLabel(s.speaker) : null;
    if (label && voices.has(label) && (s.kind ?? 'speech') === 'speech') byVoice.set(label, [...(byVoice.get(label) ?? []), i]);
  });
  for (const turns of byVoice.values()) {
    // the voice's turns form runs next to ads: every run must touch one
    if (turns.every((i) => nearAd(i) || turns.includes(i - 1) || turns.includes(i + 1)) && turns.some(nearAd)) {
      for (const i of turns) segs[i]!.kind = 'ad';
    }
  }
}
