export interface TimelineSegment {
  ordinal: number;
  startSeconds: number | null;
  estimated: boolean;
  topics: readonly string[];
}

export interface TimelineMark {
  /** where the mark starts and how wide it is, in percent of the episode */
  left: number;
  width: number;
  /** the first segment the mark covers: its link target */
  ordinal: number;
  startSeconds: number | null;
  estimated: boolean;
  /** how many tagged segments were merged into this mark */
  count: number;
}

export interface TimelineRow {
  topic: string;
  marks: TimelineMark[];
  segments: number;
}

const MIN_WIDTH = 0.8;
const MERGE_GAP = 0.6;

/**
 * Where each topic comes up along the episode. Timed documents place a segment
 * at its start second over the total length; untimed ones by position in the
 * text. Marks closer than a hair are merged so the strip stays readable and
 * each mark is a target big enough to hit.
 */
export function topicTimeline(segments: readonly TimelineSegment[], totalSeconds: number | null): TimelineRow[] {
  if (segments.length === 0) return [];
  const timed = segments.every((s) => s.startSeconds !== null);
  // a loop, not Math.max(...list): spreading 200,000 arguments overflows the stack
  let lastStart = 0;
  if (timed) for (const s of segments) lastStart = Math.max(lastStart, s.startSeconds!);
  const total = timed ? Math.max(totalSeconds ?? 0, lastStart + 1) : segments.length;
  const spans = segments.map((s, i) => {
    const start = timed ? s.startSeconds! : i;
    const end = timed ? (segments[i + 1]?.startSeconds ?? total) : i + 1;
    return { left: (start / total) * 100, right: (Math.max(end, start) / total) * 100 };
  });
  const rows = new Map<string, TimelineRow>();
  segments.forEach((s, i) => {
    const span = spans[i]!;
    for (const topic of s.topics) {
      const row = rows.get(topic) ?? { topic, marks: [], segments: 0 };
      row.segments++;
      const last = row.marks.at(-1);
      const right = Math.max(span.right, span.left + MIN_WIDTH);
      if (last && span.left - (last.left + last.width) <= MERGE_GAP) {
        last.width = Math.max(last.width, right - last.left);
        last.count++;
      } else {
        row.marks.push({ left: span.left, width: right - span.left, ordinal: s.ordinal, startSeconds: s.startSeconds, estimated: s.estimated, count: 1 });
      }
      rows.set(topic, row);
    }
  });
  for (const row of rows.values()) {
    for (const m of row.marks) {
      m.left = round(Math.min(m.left, 100 - MIN_WIDTH));
      m.width = round(Math.min(m.width, 100 - m.left));
    }
  }
  return [...rows.values()].sort((a, b) => b.segments - a.segments || a.topic.localeCompare(b.topic));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
