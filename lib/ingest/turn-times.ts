/**
 * Settles the times of a document's turns: exact where the source gives them
 * (a turn's own stamp, stamps inside its text), estimated by word position
 * everywhere else (lib/ingest/estimate-times.ts). A time that goes back is kept
 * as written and reported once per document, not refused.
 */
import { makeClock, type TimeAnchor } from './estimate-times';
import type { TimeMark } from './types';

export interface TurnTimingInput {
  text: string;
  /** the turn's own time, when the source gives one */
  startSeconds: number | null;
  /** exact times inside the text */
  stamps: { at: number; seconds: number }[];
  /** file line, for the warning */
  line?: number;
}

export interface TurnTiming {
  startSeconds: number;
  estimated: boolean;
  marks: TimeMark[];
}

function wordsIn(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export function settleTurnTimes(
  turns: readonly TurnTimingInput[],
  durationSeconds: number | null,
  warnings: string[],
): TurnTiming[] {
  const anchors: TimeAnchor[] = [];
  const starts: number[] = [];
  let words = 0;
  const back = { count: 0, worst: 0, firstLine: undefined as number | undefined };
  let previous = -1;
  const note = (seconds: number, line: number | undefined) => {
    if (seconds < previous) {
      back.count++;
      back.worst = Math.max(back.worst, previous - seconds);
      back.firstLine ??= line;
    }
    previous = seconds;
  };
  for (const t of turns) {
    starts.push(words);
    if (t.startSeconds !== null) {
      anchors.push({ word: words, seconds: t.startSeconds });
      note(t.startSeconds, t.line);
    }
    for (const s of t.stamps) {
      const w = words + wordsIn(t.text.slice(0, s.at));
      anchors.push({ word: w, seconds: s.seconds });
      note(s.seconds, t.line);
    }
    words += wordsIn(t.text);
  }
  if (back.count > 0) {
    warnings.push(
      `${back.count} time${back.count === 1 ? '' : 's'} go${back.count === 1 ? 'es' : ''} back from the one before (the first near line ${back.firstLine ?? '?'}, by up to ${Math.round(back.worst)} s); kept as written`,
    );
  }
  const untimed = turns.filter((t) => t.startSeconds === null && t.stamps.every((s) => s.at > 0)).length;
  if (untimed > 0 && anchors.length === 0 && durationSeconds === null) {
    warnings.push(`no times in the transcript; all ${untimed} turn times are estimated from word position at about 150 words a minute`);
  }
  const clock = makeClock(anchors, words, durationSeconds);
  return turns.map((t, i) => {
    const lead = t.stamps.find((s) => s.at === 0);
    const own = t.startSeconds ?? lead?.seconds ?? null;
    const marks: TimeMark[] = t.stamps.filter((s) => !(t.startSeconds === null && s === lead)).map((s) => [s.at, round(s.seconds), 1]);
    if (own !== null) return { startSeconds: own, estimated: false, marks };
    return { startSeconds: round(clock.at(starts[i]!)), estimated: true, marks };
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;
