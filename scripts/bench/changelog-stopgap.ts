/**
 * STOPGAP for the chapter benchmark's timing only, until the Changelog dialect
 * parser (issue 10) is on main: a rough reading of `**Name:** text` turns with
 * inline `\[HH:MM:SS\]` stamps, times between stamps spread by word position.
 * The bench uses it only when `parseSource` gives these files no speakers.
 */
import type { ChapterInput, ChapterInputSegment } from '@/lib/chapters/types';

const LABEL = /^\*\*([^*]{1,60}?):\*\*\s*/;
const STAMP = /\\\[(\d{1,2}(?::\d{2}){1,2})(?:\.\d+)?\\\]/;

function seconds(stamp: string): number {
  return stamp.split(':').reduce((t, part) => t * 60 + Number(part), 0);
}

function plain(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([[\]#*_()])/g, '$1')
    .replace(/\*\*|__/g, '')
    .trim();
}

export function readChangelogRoughly(markdown: string): ChapterInput {
  const segments: ChapterInputSegment[] = [];
  const words: number[] = [];
  let turn = -1;
  for (const para of markdown.split(/\n\s*\n/)) {
    const label = LABEL.exec(para);
    let body = para;
    let speaker = segments.at(-1)?.speaker ?? null;
    if (label) {
      turn++;
      speaker = label[1]!.trim();
      body = para.slice(label[0].length);
    }
    if (turn < 0) continue;
    const stamp = STAMP.exec(body);
    const text = plain(body.replace(STAMP, ''));
    const isBreak = /^break$/i.test(speaker ?? '');
    segments.push({ text, speaker, role: null, kind: isBreak ? 'break' : 'speech', startSeconds: stamp ? seconds(stamp[1]!) : null, estimated: !stamp, turn });
    words.push(text.split(/\s+/).length);
  }
  // estimated times between the known ones, by word position
  let lastAt = 0;
  let lastTime = 0;
  let wordPos = 0;
  const positions = words.map((w) => ((wordPos += w), wordPos - w));
  for (let i = 0; i < segments.length; i++) {
    if (segments[i]!.startSeconds === null) continue;
    const t = segments[i]!.startSeconds!;
    for (let j = lastAt; j < i; j++) {
      if (segments[j]!.startSeconds !== null) continue;
      const span = positions[i]! - positions[lastAt]!;
      segments[j]!.startSeconds = Math.round(lastTime + (span > 0 ? ((positions[j]! - positions[lastAt]!) / span) * (t - lastTime) : 0));
    }
    lastAt = i;
    lastTime = t;
  }
  for (let j = lastAt; j < segments.length; j++) {
    segments[j]!.startSeconds ??= Math.round(lastTime + (positions[j]! - positions[lastAt]!) / 2.5);
  }
  return { segments, durationSeconds: null };
}
