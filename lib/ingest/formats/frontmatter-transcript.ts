/**
 * Markdown transcript with YAML front matter: episode metadata in the `---`
 * block, `### Chapter` headings, and timestamped speaker turns. One segment per
 * timestamped turn line, with exact times.
 */
import { episodeMeta, type EpisodeMeta } from '../text/episode-fields';
import { frontMatterKeys, frontMatterStart, readFrontMatter } from '../text/front-matter';
import { headLines, splitLines } from '../text/paragraphs';
import { matchTurnLine, parseTranscriptBody, refuseTooManyHeadings, type TranscriptBody } from '../text/turns';
import { settleTurnTimes } from '../turn-times';
import type { FormatParser, ParsedChapter, ParsedDocument, ParsedPerson, ParsedSegment } from '../types';
import { ParseError } from '../types';

/** Keys that only an episode transcript would carry (a blog post's `title`/`date` are not enough). */
const EPISODE_KEYS = new Set([
  'guest', 'guest_name', 'guests', 'host', 'host_name', 'hosts', 'show', 'channel', 'podcast', 'podcast_name',
  'episode_title', 'episode_date', 'episode_description', 'episode_duration', 'duration', 'duration_seconds',
  'youtube_url', 'guest_background', 'chapters', 'yoe_starting', 'biggest_role',
]);
const KNOWN_KEYS = new Set([...EPISODE_KEYS, 'title', 'date', 'publish_date', 'description', 'url', 'role', 'company']);

export const frontmatterTranscript: FormatParser = {
  name: 'frontmatter-transcript',

  detect(text) {
    const lines = headLines(text, 200);
    const keys = frontMatterKeys(lines).map((k) => k.toLowerCase().replace(/[-\s]+/g, '_'));
    if (keys.some((k) => EPISODE_KEYS.has(k))) return true;
    // generic keys are enough only when the body really has timestamped turns
    return keys.some((k) => KNOWN_KEYS.has(k)) && lines.some((l) => matchTurnLine(l)?.speaker);
  },

  parse(text, ctx) {
    refuseTooManyHeadings(text);
    const lines = splitLines(text);
    if (frontMatterStart(lines) === null) throw new ParseError('expected front matter starting with `---`', 1);
    const fm = readFrontMatter(lines);
    const meta = episodeMeta(fm);
    const body = parseTranscriptBody(lines, fm.bodyStart, [...meta.guests, ...meta.hosts]);
    if (body.turns.length === 0) {
      throw new ParseError('no timestamped turns (like `Name 00:01:02:`) after the front matter', fm.closeLine + 1);
    }
    const warnings = [...meta.warnings, ...body.warnings];
    const estimated = estimateUntimed(body, meta.durationSeconds, warnings);
    const chapters = buildChapters(body, meta, warnings);
    const headingsAreChapters = body.headings.length > 0;
    const chapterOf = (i: number | null) => (headingsAreChapters ? i : null);

    const segments: ParsedSegment[] = [];
    for (const p of body.preamble) {
      warnings.push(`text on line ${p.line} comes before any timestamped turn; kept without a time`);
      segments.push({ chapterIndex: chapterOf(p.headingIndex), speaker: null, startSeconds: null, estimated: false, text: p.text, turn: null });
    }
    body.turns.forEach((t, turn) => {
      if (t.text === '') return;
      segments.push({ chapterIndex: chapterOf(t.headingIndex), speaker: t.speaker, startSeconds: t.startSeconds, estimated: estimated.has(turn), text: t.text, turn });
    });
    const lastTurn = body.turns[body.turns.length - 1]!;
    if (meta.durationSeconds !== null && lastTurn.startSeconds !== null && lastTurn.startSeconds > meta.durationSeconds) {
      warnings.push(`last turn (line ${lastTurn.line}) starts after the stated duration of ${meta.durationSeconds} s`);
    }

    const doc: ParsedDocument = {
      format: 'frontmatter-transcript',
      kind: 'episode',
      title: meta.title ?? body.h1 ?? ctx.fileName,
      description: meta.description,
      summary: meta.summary,
      show: meta.show,
      publishedOn: meta.publishedOn,
      durationSeconds: meta.durationSeconds,
      mediaUrl: meta.mediaUrl,
      people: people(meta, warnings),
      chapters,
      segments,
      warnings,
    };
    return doc;
  },
};

/**
 * `Name:` turns carry no time: each gets one from its word position between the
 * timed turns around it (or across the stated duration), flagged estimated.
 * Returns the indexes of the turns whose time was estimated.
 */
function estimateUntimed(body: TranscriptBody, durationSeconds: number | null, warnings: string[]): Set<number> {
  const untimed = new Set(body.turns.flatMap((t, i) => (t.startSeconds === null ? [i] : [])));
  if (untimed.size === 0) return untimed;
  warnings.push(`${untimed.size} turn${untimed.size === 1 ? ' has' : 's have'} a speaker and no time; times estimated from word position`);
  // backward times were reported by the body parser already
  const settled = settleTurnTimes(
    body.turns.map((t) => ({ text: t.text, startSeconds: t.startSeconds, stamps: [] })),
    durationSeconds,
    [],
  );
  body.turns.forEach((t, i) => {
    t.startSeconds ??= Math.floor(settled[i]!.startSeconds);
  });
  return untimed;
}

function people(meta: EpisodeMeta, warnings: string[]): ParsedPerson[] {
  const details = {
    biggestRole: meta.biggestRole,
    currentCompany: meta.currentCompany,
    companySize: meta.companySize,
    careerStartYear: meta.careerStartYear,
  };
  const hasDetails = Object.values(details).some((v) => v !== null);
  if (hasDetails && meta.guests.length === 0) warnings.push('guest details (role, company, start year) given without a guest name; ignored');
  if (hasDetails && meta.guests.length > 1) warnings.push('guest details apply to the first of several guests');
  return [
    ...meta.guests.map((name, i): ParsedPerson => (i === 0 ? { name, role: 'guest', ...details } : { name, role: 'guest' })),
    ...meta.hosts.map((name): ParsedPerson => ({ name, role: 'host' })),
  ];
}

const norm = (title: string) => title.toLowerCase().replace(/["'“”‘’]/g, '').replace(/\s+/g, ' ').trim();

/**
 * Headings are the chapters (the front-matter list is a second opinion). A
 * chapter starts at its first turn; one without turns borrows the next
 * chapter's start (estimated). Each ends where the next begins, the last at
 * the episode's duration.
 */
function buildChapters(body: TranscriptBody, meta: EpisodeMeta, warnings: string[]): ParsedChapter[] {
  const list = meta.chapterTitles;
  if (body.headings.length === 0) {
    if (!list || list.length === 0) return [];
    warnings.push('front matter lists chapters but the transcript has no `###` headings; chapters have no times');
    return list.map((title) => ({ title, startSeconds: null, endSeconds: null, estimated: true }));
  }
  if (list && list.length > 0) {
    const mismatch = list.length !== body.headings.length || list.some((t, i) => norm(t) !== norm(body.headings[i]!.title));
    if (mismatch) {
      warnings.push(`front-matter chapter list (${list.length}) disagrees with the ${body.headings.length} headings; the headings are used`);
    }
  }

  // each heading's first turn, in one pass over the turns
  const firstTime: (number | null)[] = body.headings.map(() => null);
  for (const t of body.turns) if (t.headingIndex !== null && firstTime[t.headingIndex] === null) firstTime[t.headingIndex] = t.startSeconds;
  const lastTurnTime = body.turns[body.turns.length - 1]!.startSeconds;
  const chapters: ParsedChapter[] = body.headings.map((h) => ({ title: h.title, startSeconds: null, endSeconds: null, estimated: false }));
  for (let i = chapters.length - 1; i >= 0; i--) {
    const own = firstTime[i];
    if (own !== null && own !== undefined) {
      chapters[i]!.startSeconds = own;
    } else {
      const next = chapters[i + 1]?.startSeconds ?? meta.durationSeconds ?? lastTurnTime;
      chapters[i]!.startSeconds = next;
      chapters[i]!.estimated = true;
      warnings.push(`chapter "${body.headings[i]!.title}" (line ${body.headings[i]!.line}) has no turns; given the next chapter's start`);
    }
  }
  chapters.forEach((c, i) => {
    c.endSeconds = chapters[i + 1]?.startSeconds ?? endOfLast(c.startSeconds, meta.durationSeconds);
  });
  return chapters;
}

function endOfLast(start: number | null, duration: number | null): number | null {
  return duration !== null && (start === null || duration >= start) ? duration : null;
}
