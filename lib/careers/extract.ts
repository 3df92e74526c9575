import { anchorToChapters, levelsFromChapter } from './chapters';
import type { CareerData, MomentInput } from './input';
import { mergeMoments, type Found } from './merge';
import { isProject, quoteOf, secondOf, sentencesOf, triggeredSentences, turnsOf, turnText, type Segment, type Turn } from './passages';
import { FIRST_PERSON, HEADING_PATTERNS, namedSubject, PATTERNS, QUESTION_PATTERNS, SECOND_PERSON } from './patterns';
import { compilePatterns, readSentence, type CompiledPattern, type ReadContext, type SentenceHit } from './read-sentence';
import { HEADING_TRIGGER } from './trigger';
import type { Moment, MomentSource } from './types';

const AFFIRM = /^\W*(?:yes|yeah|yep|yup|right|exactly|correct|that's right|that's correct|i did|sure|definitely|totally|absolutely|indeed|uh-huh|mm-hmm)\b/i;
const DENY = /^\W*(?:no|nope|nah|not really|not exactly|actually,? no|i didn't|i did not|never)\b/i;
const YES_NO = /^\W*(?:(?:so|and|but|okay|ok|now)\W+)?(?:did|do|does|have|has|had|were|was|are|is|would|could|will|can)\b/i;
/** characters of a host's turn read for what they say of the guest */
const HOST_TAIL = 700;
/** a story someone imagines is not one that happened */
const HYPOTHETICAL = /\b(?:if we were to|imagine|suppose|hypothetically|let's say|pretend|what if|what would)\b/i;
/** talk about work around a company's name: it is an employer there, not an app or a customer */
const WORK_CUE = /\b(?:jobs?|work(?:ed|ing)?|role|team|position|offer|hired|career|engineer(?:ing)?|manager|promot\w*|startup|employer|years? (?:at|there)|joined|left|quit)\b/i;

/** "your time at Meta", "his success at Amazon": at a company as its employee (not "poke fun at X") */
const AT_WORK = /\b(?:time|years?|months?|days|stint|tenure|career|success|role|job|team|engineer|manager|employee|intern|everyone|people|folks|colleagues|friends)\s+(?:\w+\s+)?at\s+$/i;

const cache = new WeakMap<CareerData, { first: CompiledPattern[]; second: CompiledPattern[] }>();
function compiled(data: CareerData) {
  let c = cache.get(data);
  if (!c) {
    c = { first: compilePatterns(FIRST_PERSON, PATTERNS), second: compilePatterns(SECOND_PERSON, [...PATTERNS, ...QUESTION_PATTERNS]) };
    cache.set(data, c);
  }
  return c;
}

const distinct = (xs: string[]) => [...new Set(xs)];

/** Companies around a sentence, worked out only when a moment needs them. */
type Context = () => string[];
function lazy(fn: () => string[]): Context {
  let memo: string[] | null = null;
  return () => (memo ??= fn());
}

/** Where one passage is read: whose story it is, who says it, and the companies around it. */
interface Reading {
  seg: Segment;
  turn: Turn;
  person: string;
  source: MomentSource;
  patterns: readonly CompiledPattern[];
  /** the turn, the host's question before it, the chapter: for a moment that may name no company */
  around: Context[];
  /** the host's question: for an object-less "I left", beside the sentence before */
  asked: Context;
  accept?: (sentence: string) => boolean;
  from?: number;
  /** text that may call a name a project */
  nearby: () => string;
}

export function extractMoments(input: MomentInput, data: CareerData): Moment[] {
  const guests = input.people.filter((p) => p.role === 'guest').map((p) => p.name);
  if (guests.length === 0) return [];
  const publishedYear = input.document.publishedOn ? Number(input.document.publishedOn.slice(0, 4)) || null : null;
  const ctx: ReadContext = { levels: data.levels, companies: data.companies, publishedYear };
  const patterns = compiled(data);
  const chapterTitle = new Map(input.chapters.filter((c) => !c.generated).map((c) => [c.ordinal, c.title]));
  /** companies a passage talks about as employers: named in a sentence about work, or "your time at" them */
  const employersIn = (text: string) =>
    distinct(
      sentencesOf(text).flatMap((sentence) =>
        data.companies
          .find(sentence)
          .filter((h) => WORK_CUE.test(sentence) || AT_WORK.test(sentence.slice(Math.max(0, h.index - 40), h.index)))
          .map((h) => h.company.name),
      ),
    );
  const found: Found[] = [];

  /** The one company the first list that names any names; undefined when a company is needed and none is clear. */
  const companyFor = (hit: SentenceHit, claimed: Set<string>, lists: Context[]): string | null | undefined => {
    if (hit.company) return hit.company;
    if (hit.kind === 'founded' || hit.noContext) return null;
    for (const list of [() => hit.sentenceCompanies, ...lists]) {
      const rest = list().filter((c) => !claimed.has(c));
      if (rest.length === 1) return rest[0]!;
      if (rest.length > 1) break;
    }
    return hit.needsContext ? undefined : null;
  };

  const read = (r: Reading) => {
    const { seg, source } = r;
    for (const { span, prev } of triggeredSentences(seg.text, r.from ?? 0, r.source === 'summary' ? HEADING_TRIGGER : undefined)) {
      const sentence = seg.text.slice(span.start, span.end).replace(/[’‘]/g, "'");
      if (HYPOTHETICAL.test(sentence) || (r.accept && !r.accept(sentence))) continue;
      // a question is not a statement; only a host's question is read (for what it says of the guest)
      if (source !== 'question' && sentence.trimEnd().endsWith('?')) continue;
      const hits = readSentence(sentence, r.patterns, ctx);
      for (const hit of hits) {
        // "leave and join Meta": the company joined after is not the one left; "joined Stripe … and left" is
        const claimed = new Set(hits.flatMap((h) => (h.company && h !== hit && h.companyIndex > hit.index ? [h.company] : [])));
        const before = lazy(() => (prev ? employersIn(seg.text.slice(prev.start, prev.end)) : []));
        const company = companyFor(hit, claimed, hit.needsContext ? [before, r.asked] : r.around);
        if (company === undefined) continue;
        if (company && !hit.companyKnown && (hit.kind === 'joined' || hit.kind === 'left') && isProject(company, r.nearby())) continue;
        // a host's words count when they say where or at what level (the guest's answer did not say no)
        if (source === 'question' && !company && !hit.to && (hit.kind === 'promotion' || hit.kind === 'joined' || hit.kind === 'left')) continue;
        const chapter = seg.chapterOrdinal === null ? undefined : chapterTitle.get(seg.chapterOrdinal);
        const fromChapter = hit.kind === 'promotion' && !hit.to && chapter ? levelsFromChapter(chapter, data, company) : null;
        found.push({
          ...hit,
          to: hit.to ?? fromChapter?.to ?? null,
          track: hit.track ?? fromChapter?.to.step.track ?? null,
          company,
          person: r.person,
          source,
          segmentOrdinal: seg.ordinal,
          chapterOrdinal: seg.chapterOrdinal,
          order: seg.ordinal * 10_000 + span.start + hit.index,
          ...secondOf(seg, span.start),
          speakerLabel: r.turn.label,
          speakerRole: r.turn.role,
          quote: quoteOf(seg.text, span, span.start + hit.index),
        });
      }
    }
  };

  const turns = turnsOf(input).filter((t) => t.segments[0]?.kind === 'speech');
  const solo = guests.length === 1 && !input.people.some((p) => p.role === 'host') && input.segments.every((s) => s.speakerLabel === null);
  turns.forEach((turn, i) => {
    const chapter = turn.segments[0]?.chapterOrdinal;
    // a chapter title naming one company is about it
    const chapterCompanies = lazy(() => (chapter === null || chapter === undefined ? [] : distinct(data.companies.find(chapterTitle.get(chapter) ?? '').map((h) => h.company.name))));
    if ((turn.role === 'guest' && turn.speaker) || solo) {
      const prev = turns[i - 1]?.role === 'host' ? turns[i - 1] : undefined;
      const asked = lazy(() => employersIn(turnText(prev)));
      const around = [lazy(() => employersIn(turnText(turn))), asked, chapterCompanies];
      // whoever spoke just before may have called the name a project ("Amarok was your first foray into open source")
      const nearby = () => `${turnText(turns[i - 1])}\n${turnText(turn)}`;
      const person = turn.speaker ?? guests[0]!;
      for (const seg of turn.segments) read({ seg, turn, person, source: 'speech', patterns: patterns.first, around, asked, nearby });
      return;
    }
    const next = turns[i + 1];
    if (turn.role !== 'host' || !next || next.role !== 'guest' || !next.speaker) return;
    const answer = next.segments[0]?.text ?? '';
    if (DENY.test(answer)) return;
    const affirmed = AFFIRM.test(answer);
    // what a host says of the guest's career comes just before the question: read the end of the turn only
    const seg = turn.segments[turn.segments.length - 1]!;
    const asked = lazy(() => employersIn(turnText(turn)));
    read({
      seg,
      turn,
      person: next.speaker,
      source: 'question',
      patterns: patterns.second,
      around: [lazy(() => employersIn(turnText(turn))), chapterCompanies],
      asked,
      accept: (sentence) => affirmed || !(sentence.trim().endsWith('?') && YES_NO.test(sentence)),
      from: Math.max(0, seg.text.length - HOST_TAIL),
      nearby: () => `${turnText(turn)}\n${turnText(next)}`,
    });
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
      const seg: Segment = { ordinal: -1, chapterOrdinal: null, speakerName: null, speakerLabel: null, startSeconds: null, estimated: false, text, kind: 'speech', turn: null, marks: null };
      const before = found.length;
      const pats = compilePatterns(namedSubject(names, pronoun), [...PATTERNS, ...(source === 'summary' ? HEADING_PATTERNS : [])]);
      const around = [lazy(() => employersIn(text))];
      read({ seg, turn: { speaker: null, label: null, role: null, segments: [seg] }, person: guest, source, patterns: pats, around, asked: around[0]!, nearby: () => text });
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
