import { sentenceSpans, type Span } from '../text/sentence-spans';
import { anchorToChapters, levelsFromChapter } from './chapters';
import type { CareerData, MomentInput } from './input';
import { mergeMoments, type Found } from './merge';
import { FIRST_PERSON, HEADING_PATTERNS, namedSubject, PATTERNS, QUESTION_PATTERNS, SECOND_PERSON } from './patterns';
import { compilePatterns, readSentence, type CompiledPattern, type ReadContext, type SentenceHit } from './read-sentence';
import { triggerOffsets } from './trigger';
import type { Moment, MomentSource } from './types';

const AFFIRM = /^\W*(?:yes|yeah|yep|yup|right|exactly|correct|that's right|that's correct|i did|sure|definitely|totally|absolutely|indeed|uh-huh|mm-hmm)\b/i;
const DENY = /^\W*(?:no|nope|nah|not really|not exactly|actually,? no|i didn't|i did not|never)\b/i;
const YES_NO = /^\W*(?:(?:so|and|but|okay|ok|now)\W+)?(?:did|do|does|have|has|had|were|was|are|is|would|could|will|can)\b/i;
const QUOTE_MAX = 360;
/** characters of a host's turn read for what they say of the guest */
const HOST_TAIL = 700;
/** a story someone imagines is not one that happened */
const HYPOTHETICAL = /\b(?:if we were to|imagine|suppose|hypothetically|let's say|pretend|what if|what would)\b/i;
/** talk about work near a product-like company's name: it is an employer there, not an app */
const WORK_CUE = /\b(?:jobs?|work(?:ed|ing)?|role|team|position|offer|hired|career|engineer(?:ing)?|manager|promot\w*|startup|employer|years? (?:at|there)|joined|left|quit)\b/i;

const cache = new WeakMap<CareerData, { first: CompiledPattern[]; second: CompiledPattern[] }>();
function compiled(data: CareerData) {
  let c = cache.get(data);
  if (!c) {
    c = {
      first: compilePatterns(FIRST_PERSON, PATTERNS),
      second: compilePatterns(SECOND_PERSON, [...PATTERNS, ...QUESTION_PATTERNS]),
    };
    cache.set(data, c);
  }
  return c;
}

type Segment = MomentInput['segments'][number];
interface Turn {
  speaker: string | null;
  label: string | null;
  role: 'host' | 'guest' | null;
  segments: Segment[];
}

function turnsOf(input: MomentInput): Turn[] {
  const role = new Map(input.people.map((p) => [p.name, p.role]));
  const turns: Turn[] = [];
  for (const s of input.segments) {
    const last = turns[turns.length - 1];
    const first = last?.segments[0];
    if (last && first && first.turn === s.turn && first.speakerLabel === s.speakerLabel && first.kind === s.kind) last.segments.push(s);
    else turns.push({ speaker: s.speakerName, label: s.speakerLabel, role: s.speakerName ? (role.get(s.speakerName) ?? null) : null, segments: [s] });
  }
  return turns;
}

/** The second a sentence starts at: the time mark before it in the segment, else the segment's start. */
function secondOf(seg: Segment, offset: number): { seconds: number | null; estimated: boolean } {
  let best: { seconds: number | null; estimated: boolean } = { seconds: seg.startSeconds, estimated: seg.estimated };
  for (const [at, seconds, exact] of seg.marks ?? []) {
    if (at > offset) break;
    best = { seconds: Math.floor(seconds), estimated: exact === 0 };
  }
  return best;
}

function quoteOf(text: string, start: number, end: number, at: number): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (s.length <= QUOTE_MAX) return s;
  const rel = Math.max(0, at - start - 120);
  const from = rel === 0 ? 0 : s.indexOf(' ', rel) + 1;
  const cut = s.slice(from, from + QUOTE_MAX);
  return `${from > 0 ? '…' : ''}${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

const distinct = (xs: string[]) => [...new Set(xs)];

/**
 * A name read from the text ("started working at X") that the conversation
 * calls a project is not an employer: people work at companies and on projects.
 */
function isProject(name: string, text: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    String.raw`\b(?:work(?:ed|ing)?\s+on|contribut\w*\s+to|maintain\w*(?:\s+of)?|foray\s+into)\s+${n}\b|\b${n}\b[^.?!\n]{0,40}\b(?:project|library|framework|open\s+source|repo|codebase|maintainers?)\b`,
  ).test(text);
}

/** Companies around a sentence, worked out only when a moment needs them. */
type Context = () => string[];
function lazy(fn: () => string[]): Context {
  let memo: string[] | null = null;
  return () => (memo ??= fn());
}

/** Sentences, never across a line break (a heading above a paragraph is not part of its first sentence). */
function spansOf(text: string): Span[] {
  const out: Span[] = [];
  const line = /[^\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    for (const s of sentenceSpans(m[0])) out.push({ start: m.index + s.start, end: m.index + s.end });
  }
  return out;
}

/** The sentences that hold a trigger word: the rest of a turn is never split or read. */
function triggeredSentences(text: string, from: number): Span[] {
  const at = triggerOffsets(from > 0 ? text.slice(from) : text).map((i) => i + from);
  if (at.length === 0) return [];
  const out: Span[] = [];
  let i = 0;
  for (const span of spansOf(text)) {
    while (i < at.length && at[i]! < span.start) i++;
    if (i < at.length && at[i]! < span.end) out.push(span);
  }
  return out;
}

function linesAndSentences(text: string): string[] {
  return spansOf(text).map((s) => text.slice(s.start, s.end));
}

export function extractMoments(input: MomentInput, data: CareerData): Moment[] {
  const guests = input.people.filter((p) => p.role === 'guest').map((p) => p.name);
  if (guests.length === 0) return [];
  const publishedYear = input.document.publishedOn ? Number(input.document.publishedOn.slice(0, 4)) || null : null;
  const ctx: ReadContext = { levels: data.levels, companies: data.companies, publishedYear };
  const patterns = compiled(data);
  const chapterTitle = new Map(input.chapters.filter((c) => !c.generated).map((c) => [c.ordinal, c.title]));
  /** companies a passage talks about as employers: named in a sentence about work, or "at" them */
  const employersIn = (text: string) =>
    distinct(
      linesAndSentences(text).flatMap((sentence) =>
        data.companies
          .find(sentence)
          .filter((h) => WORK_CUE.test(sentence) || /\bat\s+$/.test(sentence.slice(Math.max(0, h.index - 4), h.index)))
          .map((h) => h.company.name),
      ),
    );
  const found: Found[] = [];

  /** The moment's company: the verb's, else the one company the sentence, turn, host's question or chapter names. */
  const companyFor = (hit: SentenceHit, claimed: Set<string>, contexts: Context[]): string | null | undefined => {
    if (hit.company) return hit.company;
    if (hit.kind === 'founded' || hit.noContext) return null;
    for (const list of [hit.sentenceCompanies, ...contexts.map((c) => c())]) {
      const rest = list.filter((c) => !claimed.has(c));
      if (rest.length === 1) return rest[0]!;
      if (rest.length > 1) return hit.needsContext ? undefined : null;
    }
    return hit.needsContext ? undefined : null;
  };

  const take = (
    seg: Segment,
    turn: Turn,
    person: string,
    source: MomentSource,
    pats: readonly CompiledPattern[],
    contexts: Context[],
    accept: (sentence: string) => boolean = () => true,
    from = 0,
    projectText: () => string = () => seg.text,
  ) => {
    for (const span of triggeredSentences(seg.text, from)) {
      const sentence = seg.text.slice(span.start, span.end).replace(/[’‘]/g, "'");
      if (HYPOTHETICAL.test(sentence) || !accept(sentence)) continue;
      // a question is not a statement; only a host's question is read (for what it says of the guest)
      if (source !== 'question' && sentence.trimEnd().endsWith('?')) continue;
      const hits = readSentence(sentence, pats, ctx);
      for (const hit of hits) {
        // "leave and join Meta": the company joined after is not the one left; "joined Stripe … and left" is
        const claimed = new Set(hits.flatMap((h) => (h.company && h !== hit && h.companyIndex > hit.index ? [h.company] : [])));
        const company = companyFor(hit, claimed, contexts);
        if (company === undefined) continue;
        if (company && !hit.companyKnown && (hit.kind === 'joined' || hit.kind === 'left') && isProject(company, projectText())) continue;
        // a host's words alone count only when they say something the guest's answer does not contradict: where, or what level
        if (source === 'question' && !company && !hit.to) continue;
        const chapter = seg.chapterOrdinal === null ? undefined : chapterTitle.get(seg.chapterOrdinal);
        const fromChapter = hit.kind === 'promotion' && !hit.to && chapter ? levelsFromChapter(chapter, data, company) : null;
        found.push({
          ...hit,
          to: hit.to ?? fromChapter?.to ?? null,
          track: hit.track ?? fromChapter?.to.step.track ?? null,
          company,
          person,
          source,
          segmentOrdinal: seg.ordinal,
          chapterOrdinal: seg.chapterOrdinal,
          order: seg.ordinal * 10_000 + span.start + hit.index,
          ...secondOf(seg, span.start),
          speakerLabel: turn.label,
          speakerRole: turn.role,
          quote: quoteOf(seg.text, span.start, span.end, span.start + hit.index),
        });
      }
    }
  };

  const turns = turnsOf(input).filter((t) => t.segments[0]?.kind === 'speech');
  const solo = guests.length === 1 && !input.people.some((p) => p.role === 'host') && input.segments.every((s) => s.speakerLabel === null);
  turns.forEach((turn, i) => {
    const text = () => turn.segments.map((s) => s.text).join('\n');
    const chapter = turn.segments[0]?.chapterOrdinal;
    const chapterCompanies = lazy(() => (chapter === null || chapter === undefined ? [] : employersIn(chapterTitle.get(chapter) ?? '')));
    if ((turn.role === 'guest' && turn.speaker) || solo) {
      const prev = turns[i - 1];
      const prevCompanies = lazy(() => (prev && prev.role === 'host' ? employersIn(prev.segments.map((s) => s.text).join('\n')) : []));
      const contexts = [lazy(() => employersIn(text())), prevCompanies, chapterCompanies];
      const nearby = () => `${prev?.role === 'host' ? prev.segments.map((s) => s.text).join('\n') : ''}\n${text()}`;
      for (const seg of turn.segments) take(seg, turn, turn.speaker ?? guests[0]!, 'speech', patterns.first, contexts, undefined, 0, nearby);
      return;
    }
    const next = turns[i + 1];
    if (turn.role !== 'host' || !next || next.role !== 'guest' || !next.speaker) return;
    const answer = next.segments[0]?.text ?? '';
    if (DENY.test(answer)) return;
    const affirmed = AFFIRM.test(answer);
    const contexts = [lazy(() => employersIn(text())), chapterCompanies];
    // what a host says of the guest's career comes just before the question: read the end of the turn only
    const last = turn.segments[turn.segments.length - 1]!;
    const accept = (sentence: string) => affirmed || !(sentence.trim().endsWith('?') && YES_NO.test(sentence));
    take(last, turn, next.speaker, 'question', patterns.second, contexts, accept, Math.max(0, last.text.length - HOST_TAIL));
  });

  // prose about the guest: an episode summary, a description
  if (guests.length === 1) {
    const guest = guests[0]!;
    const names = distinct([guest, guest.split(/\s+/)[0]!]).filter((n) => n.length > 1);
    const prose: [string | null, MomentSource, boolean][] = [
      [input.document.summary, 'summary', false],
      [input.document.description, 'description', true],
    ];
    for (const [text, source, pronoun] of prose) {
      if (!text) continue;
      const pats = compilePatterns(namedSubject(names, pronoun), [...PATTERNS, ...(source === 'summary' ? HEADING_PATTERNS : [])]);
      const seg: Segment = { ordinal: -1, chapterOrdinal: null, speakerName: null, speakerLabel: null, startSeconds: null, estimated: false, text, kind: 'speech', turn: null, marks: null };
      const before = found.length;
      take(seg, { speaker: null, label: null, role: null, segments: [seg] }, guest, source, pats, [lazy(() => employersIn(text))]);
      for (const f of found.slice(before)) {
        f.segmentOrdinal = null;
        f.order = Number.MAX_SAFE_INTEGER / 2 + f.order;
      }
    }
  }
  const merged = mergeMoments(found, data);
  anchorToChapters(merged, input, data);
  return merged.map(toMoment).sort((a, b) => (a.segmentOrdinal ?? Infinity) - (b.segmentOrdinal ?? Infinity));
}

function toMoment(f: Found): Moment {
  return {
    kind: f.kind,
    person: f.person,
    fromLevel: f.from?.step.key ?? null,
    toLevel: f.to?.step.key ?? null,
    fromLabel: f.fromInferred ? null : f.from?.label || null,
    toLabel: f.to?.label || null,
    fromInferred: f.fromInferred ?? false,
    track: f.track,
    company: f.company,
    year: f.when.year,
    yearInferred: f.when.yearInferred,
    age: f.when.age,
    durationMonths: f.when.durationMonths,
    confidence: Math.round(f.strength * 100) / 100,
    source: f.source,
    segmentOrdinal: f.segmentOrdinal,
    seconds: f.seconds,
    estimated: f.estimated,
    speakerLabel: f.speakerLabel,
    speakerRole: f.speakerRole,
    quote: f.quote,
  };
}
