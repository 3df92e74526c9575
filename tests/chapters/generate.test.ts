import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateChapters, spanSeconds } from '@/lib/chapters/generate';
import { chapterInputOf } from '@/lib/chapters/parsed';
import { prepareDocument } from '@/lib/chapters/prepare';
import { TermStats } from '@/lib/chapters/terms';
import type { ChapterInput, ChapterInputSegment } from '@/lib/chapters/types';
import { parseSource } from '@/lib/ingest/parse-source';
import { chapterProblems } from '../support/chapters';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'chapters', 'no-chapters-interview.md');

function fixtureInput(): ChapterInput {
  const parsed = parseSource({ bytes: fs.readFileSync(FIXTURE), fileName: path.basename(FIXTURE) });
  if (parsed.kind !== 'document') throw new Error('fixture is not a document');
  return chapterInputOf(parsed.doc);
}

function span(input: ChapterInput): number {
  return spanSeconds(prepareDocument(input, new TermStats()))!;
}

/** Topic words for invented talk: each subject has its own vocabulary, shared filler between. */
const SUBJECTS = [
  ['compiler', 'parser', 'grammar', 'tokens', 'syntax tree'],
  ['kubernetes', 'cluster', 'nodes', 'helm chart', 'ingress'],
  ['salary', 'negotiation', 'offer letter', 'equity', 'recruiter'],
  ['burnout', 'vacation', 'sleep', 'therapy', 'boundaries'],
];

/** An interview of `minutes` per subject: a host question opens each, then answers and short replies, 30 s per turn. */
function inventedInterview(minutes: number, opts: { splitTurns?: boolean; breakBefore?: number } = {}): ChapterInput {
  const segments: ChapterInputSegment[] = [];
  let t = 0;
  let turn = 0;
  const say = (speaker: string, role: 'host' | 'guest', text: string, kind: ChapterInputSegment['kind'] = 'speech') => {
    const parts = opts.splitTurns && text.length > 120 ? [text.slice(0, text.length / 2), text.slice(text.length / 2)] : [text];
    parts.forEach((p, i) => segments.push({ text: p, speaker, role, kind, startSeconds: t + i * 10, estimated: false, turn }));
    turn++;
    t += 30;
  };
  SUBJECTS.forEach((words, s) => {
    if (opts.breakBefore === s) say('Break', 'host', 'A word from our sponsor.', 'break');
    say('Host', 'host', `So tell me about the ${words[0]} and the ${words[1]}: how did that start?`);
    const turns = (minutes * 60) / 30 - 1;
    for (let i = 0; i < turns; i++) {
      const w = (k: number) => words[(i + k) % words.length];
      if (i % 4 === 3) say('Host', 'host', `Right, the ${w(0)}.`);
      else say('Guest', 'guest', `Well, the ${w(0)} was the hard part, because the ${w(1)} kept changing and the ${w(2)} depended on the ${w(3)}. We rewrote the ${w(4)} twice before the ${w(0)} settled down, and I still think about the ${w(1)}.`);
    }
  });
  return { segments, durationSeconds: null };
}

describe('generated chapters on texts written for the tests', () => {
  it('finds the four subject changes of the fixture interview, each where the host opens it', () => {
    const input = fixtureInput();
    const chapters = generateChapters(input, new TermStats());
    expect(chapterProblems(input, chapters, span(input))).toEqual([]);
    expect(chapters.map((c) => c.startSeconds)).toEqual([0, 330, 660, 990, 1210]);
    for (const c of chapters.slice(1)) {
      const opening = input.segments[c.segmentIndex]!;
      expect(opening.role).toBe('host');
    }
    const titles = chapters.map((c) => c.title);
    expect(titles[1]).toMatch(/incident/i);
    expect(titles[2]).toMatch(/ledger|promotion|packet/i);
    expect(titles[3]).toMatch(/fleet|robot|scheduler/i);
    expect(titles[4]).toMatch(/mentor/i);
  });

  it('keeps each chapter to whole turns, even when a turn is split into several segments', () => {
    const input = inventedInterview(6, { splitTurns: true });
    const chapters = generateChapters(input, new TermStats());
    expect(chapters.length).toBeGreaterThanOrEqual(3);
    expect(chapterProblems(input, chapters, span(input))).toEqual([]);
    // the subjects change every 6 minutes: each found boundary is within a turn of a change
    const changes = [360, 720, 1080];
    const near = chapters.slice(1).filter((c) => changes.some((x) => Math.abs(x - c.startSeconds) <= 30));
    expect(near.length).toBeGreaterThanOrEqual(2);
  });

  it('starts a chapter where speech resumes after a break', () => {
    const input = inventedInterview(6, { breakBefore: 2 });
    const chapters = generateChapters(input, new TermStats());
    expect(chapterProblems(input, chapters, span(input))).toEqual([]);
    const afterBreak = input.segments.findIndex((s) => s.kind === 'break') + 1;
    expect(chapters.map((c) => c.segmentIndex)).toContain(afterBreak);
  });

  it('titles chapters with their subject, never with filler', () => {
    const input = inventedInterview(6);
    const chapters = generateChapters(input, new TermStats());
    const subjectWords = SUBJECTS.flat().flatMap((w) => w.split(' '));
    for (const c of chapters) {
      const words = c.title.toLowerCase().split(/\s+/).filter((w) => w !== 'and');
      expect(words.some((w) => subjectWords.some((s) => s.startsWith(w.replace(/s$/, ''))))).toBe(true);
      expect(c.title).not.toMatch(/\b(well|hard|part|think|right)\b/i);
      expect(c.title).toMatch(/^[A-Z]/);
    }
  });

  it('makes no chapters for untimed text or a talk too short for two', () => {
    const untimed = inventedInterview(6);
    for (const s of untimed.segments) s.startSeconds = null;
    expect(generateChapters(untimed, new TermStats())).toEqual([]);
    const short = inventedInterview(1);
    expect(span(short)).toBeLessThan(450);
    expect(generateChapters(short, new TermStats())).toEqual([]);
  });

  it('sizes chapters like people do: about one every five minutes', () => {
    const input = inventedInterview(10);
    const chapters = generateChapters(input, new TermStats());
    const minutes = span(input) / 60;
    expect(chapters.length).toBeGreaterThanOrEqual(Math.floor(minutes / 8));
    expect(chapters.length).toBeLessThanOrEqual(Math.ceil(minutes / 3));
    expect(chapterProblems(input, chapters, span(input))).toEqual([]);
  });
});
