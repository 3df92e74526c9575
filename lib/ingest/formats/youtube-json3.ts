import {
  TimeOrder,
  type Cue,
  isRecord,
  jsonObjectOrNull,
  mergeCues,
  parseJson,
  splitSpeakerPrefix,
  subtitleDocument,
} from '../cues';
import { ParseError, type FormatParser } from '../types';

/** One word as shown on screen, with the time it appeared. */
export interface CaptionToken {
  text: string;
  time: number;
}

const key = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const TAIL = 64;

/** Longest k such that the last k keys of `tail` equal the first k of `next`. */
function overlap(tail: readonly string[], next: readonly string[]): number {
  for (let k = Math.min(tail.length, next.length); k > 0; k--) {
    let same = true;
    for (let i = 0; i < k && same; i++) same = tail[tail.length - k + i] === next[i];
    if (same) return k;
  }
  return 0;
}

/**
 * Rolling auto-captions re-show the last line(s) of the previous caption before
 * the new words. Each event's leading words that repeat the tail of everything
 * kept so far are dropped, compared case- and punctuation-blind. A file counts as
 * rolling only when several events repeat 2+ words: in a file of plain captions
 * a one-word "overlap" is usually a real "that that" and must stay. Returns null
 * for a file that is not rolling.
 */
export function dropRollingRepeats<T extends CaptionToken>(events: readonly T[][]): T[][] | null {
  const kept: T[][] = [];
  let transcript: string[] = [];
  let repeatedEvents = 0;
  for (const ev of events) {
    const keyed = ev.map((t, i) => ({ k: key(t.text), i })).filter((x) => x.k);
    const k = overlap(transcript, keyed.map((x) => x.k));
    if (k >= 2) repeatedEvents++;
    // drop through the k-th repeated word, with any bare punctuation/markers among them
    const cut = k > 0 ? keyed[k - 1]!.i + 1 : 0;
    const rest = ev.slice(cut);
    kept.push(rest);
    transcript = [...transcript, ...rest.map((t) => key(t.text)).filter(Boolean)].slice(-TAIL);
  }
  const withText = events.filter((ev) => ev.some((t) => key(t.text))).length;
  const rolling = repeatedEvents >= 2 && repeatedEvents >= 0.2 * Math.max(1, withText - 1);
  return rolling ? kept : null;
}

/** Caption tokens per event → cues; YouTube marks a new voice with ">>". */
export function tokensToCues(events: readonly CaptionToken[][]): Cue[] {
  const cues: Cue[] = [];
  let speaker: string | null = null;
  let breakNext = false;
  for (const ev of events) {
    let cur: CaptionToken[] = [];
    const emit = () => {
      if (!cur.length) return;
      let text = cur.map((t) => t.text).join(' ');
      const labelled = splitSpeakerPrefix(text);
      if (labelled) [speaker, text] = [labelled.speaker, labelled.text];
      cues.push({ start: cur[0]!.time, speaker, text, breakBefore: breakNext });
      breakNext = false;
      cur = [];
    };
    for (const t of ev) {
      if (t.text.startsWith('>>')) {
        emit();
        breakNext = true;
        speaker = null;
        const rest = t.text.slice(2);
        if (rest) cur.push({ ...t, text: rest });
      } else {
        cur.push(t);
      }
    }
    emit();
  }
  return cues;
}

const fail = (msg: string) => new ParseError(`youtube-json3: ${msg}`);

export const youtubeJson3: FormatParser = {
  name: 'youtube-json3',
  detect(text) {
    if (!text.includes('"events"')) return false;
    const root = jsonObjectOrNull(text);
    return !!root && Array.isArray(root.events) && root.events.some((e) => isRecord(e) && 'tStartMs' in e);
  },
  parse(text, ctx) {
    const root = parseJson(text, 'youtube-json3');
    if (!isRecord(root) || !Array.isArray(root.events)) throw fail('expected an object with an "events" array');
    const events: CaptionToken[][] = [];
    const order = new TimeOrder('youtube-json3');
    root.events.forEach((ev: unknown, i) => {
      if (!isRecord(ev)) throw fail(`events[${i}] is not an object`);
      if (ev.segs === undefined) return; // window and pen definitions carry no text
      if (!Array.isArray(ev.segs)) throw fail(`events[${i}].segs is not an array`);
      if (typeof ev.tStartMs !== 'number') throw fail(`events[${i}].tStartMs is not a number`);
      const start = ev.tStartMs;
      const tokens: CaptionToken[] = [];
      ev.segs.forEach((seg: unknown, j) => {
        if (!isRecord(seg) || typeof seg.utf8 !== 'string') throw fail(`events[${i}].segs[${j}].utf8 is not a string`);
        const time = (start + (typeof seg.tOffsetMs === 'number' ? seg.tOffsetMs : 0)) / 1000;
        for (const w of seg.utf8.split(/\s+/)) if (w) tokens.push({ text: w, time });
      });
      if (!tokens.length) return; // aAppend "\n" events only break the line on screen
      order.check(start / 1000, `events[${i}]`);
      events.push(tokens);
    });
    const doc = subtitleDocument('youtube-json3', ctx, mergeCues(tokensToCues(dropRollingRepeats(events) ?? events)));
    order.report(doc.warnings);
    return doc;
  },
};
