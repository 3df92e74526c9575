import type { CompanyHit, Gazetteer } from './companies';
import type { LevelHit, LevelMap, Track } from './levels';
import type { PatternSpec, Subject } from './patterns';
import type { MomentKind } from './types';
import { readWhen, type When } from './when';

export interface ReadContext {
  levels: LevelMap;
  companies: Gazetteer;
  publishedYear: number | null;
}

/** One moment read from one sentence, before the document's context fills it in. */
export interface SentenceHit {
  kind: MomentKind;
  index: number;
  from: LevelHit | null;
  to: LevelHit | null;
  track: Track | null;
  /** the company the verb names ("joined Google"), or a founded company's name */
  company: string | null;
  /** every gazetteer company the sentence names */
  sentenceCompanies: string[];
  /** the company is in the gazetteer (a name read from the text may be a project, not an employer) */
  companyKnown: boolean;
  /** where the verb's company is named in the sentence (-1 when it names none) */
  companyIndex: number;
  /** the company is not in the sentence but must be (object-less "I left"): take it from context or drop the moment */
  needsContext: boolean;
  /** the company must not be taken from context ("I left another job") */
  noContext: boolean;
  /** "my first promotion" */
  first: boolean;
  strength: number;
  when: When;
}

export interface CompiledPattern {
  spec: PatternSpec;
  re: RegExp;
  /** "I left Amazon and founded X": the second verb's subject, put back so the pattern sees it */
  coordinate: ((sentence: string) => string) | null;
}

/** A second verb of the same subject: "… and (then) founded", ", then joined". */
const SECOND_VERB = String.raw`(\b(?:and|then|and\s+then|and\s+later|and\s+eventually)\s+)(?=(?:co-?founded|founded|started|joined|left|quit|got\s+(?:promoted|laid\s+off)|was\s+(?:promoted|laid\s+off)|became|moved|went\s+(?:to|back))\b)`;

export function compilePatterns(subject: Subject, specs: readonly PatternSpec[]): CompiledPattern[] {
  const has = new RegExp(`${subject.s}\\s`);
  const second = new RegExp(SECOND_VERB, 'g');
  const coordinate = subject.word ? (sentence: string) => (has.test(sentence) ? sentence.replace(second, `$1${subject.word} `) : sentence) : null;
  return specs.map((spec) => ({ spec, re: new RegExp(spec.source(subject), 'g'), coordinate }));
}

/** Talk about work, which a move to or from a product-like company ("left Twitter") needs to be a job move. */
const CUE = /\b(?:jobs?|work(?:ed|ing)?|role|team|position|offer|hired|hiring|career|engineer(?:ing)?|manager|promot\w*|promo|startup|company|employer|salary|equity|stock|level|intern(?:ship)?|quit|resign\w*|big tech|colleagues?|boss|co-?founder|employee|reorg|layoffs?|years? (?:at|there))\b/i;
/** Words a level may be followed by ("made staff in 2019"), so "made senior leadership aware" is no level. */
const AFTER_LEVEL = /^(?:[,.;:!?)"'—–-]|$|(?:at|in|on|by|after|before|within|when|and|then|from|to|with|as|level|engineer|developer|role|position|title|IC|SWE|SDE|software|dev|eng|pretty|really|very|quickly|fast|faster|early|which|that|so|but|or|because|I|he|she|it|about|around|under|over|last|this|a|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|years?|months?|for|myself|there|here|too|again|manager|promo|promotion|status|came|happened|was|went|took|finally|felt|arrived|meant|hit)\b)/;
const PROPER = /(?:[A-Z][\w&'.-]*|[a-z]+[A-Z]\w*)(?:\s+(?:[A-Z][\w&'.-]*|of|&|and|de)){0,3}/y;
const NOT_A_NAME = /^(?:I|It|It's|The|This|That|These|Those|My|Our|We|And|But|So|Then|There|Here|He|She|They|You|A|An|In|On|At|When|After|Before|Because|Yeah|Yes|No|Okay|Well)$/;
/** Things people found that are not companies. */
const NOT_A_COMPANY = /\b(?:Club|Society|Meetup|Conference|Conf|Podcast|Party|Band|Chapter|Team|Project|League|Hackathon|Movement|Summit|Festival|Newsletter|Show)$/;
const APPOSITIVE = /(?:,\s+|\s+(?:called|named)\s+)(?=[A-Z])/y;
/** "the company, Torkel, our co-founder": the name after the comma is a person */
const PERSON_AFTER = /^,\s+(?:our|my|his|her|the|a)\s/;
/** "they're like "We started a company…"": someone else's words, unless the speaker's own ("I was like "…"") */
function quotedFromOthers(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  const quotes = [...before.matchAll(/["“”]/g)];
  if (quotes.length % 2 === 0) return false;
  const open = quotes[quotes.length - 1]!.index;
  return !/\bI(?:'m)?\s+(?:was|am|'m)?\s*(?:like|said|say|thought|think|told\s+\w+|went|wrote)[\s,:]*$/.test(before.slice(Math.max(0, open - 30), open));
}

/** a story told inside a condition ("if I went back to engineering…") */
const CONDITION = /\b(?:[Ii]f|[Uu]nless|[Ww]hether)\b/;
const OTHER_MANAGER = /^\s*(?:an?\s+)?(?:engineering\s+|eng\s+|people\s+|line\s+)?(?:manager|management)\b/i;

function properName(text: string, at: number): string | null {
  PROPER.lastIndex = at;
  const m = PROPER.exec(text);
  if (!m) return null;
  const name = m[0].replace(/(?:\s+(?:of|&|and|de))+$/, '').replace(/['.]+$|'s$/, '');
  const first = name.split(/\s+/)[0] ?? '';
  if (NOT_A_NAME.test(first) || NOT_A_COMPANY.test(name) || name.length < 2) return null;
  return name;
}

function levelAfter(levels: LevelMap, text: string, at: number, company: string | null): LevelHit | null {
  const hit = levels.levelAt(text, at, company);
  if (!hit) return null;
  // a bare adjective may start another noun ("senior leadership"); a title or a code may not
  if (!/^\p{Ll}+$/u.test(hit.label)) return hit;
  return AFTER_LEVEL.test(text.slice(hit.index + hit.length).trimStart()) ? hit : null;
}

interface Levels {
  from: LevelHit | null;
  to: LevelHit | null;
  /** "promoted to manager": a move onto the manager track, not a step within one */
  toManager: boolean;
}

/** "… promoted from senior to staff", "… promoted to E6", "… made staff", "… my staff promo". */
function readLevels(ctx: ReadContext, text: string, m: RegExpExecArray, spec: PatternSpec, company: string | null): Levels {
  const end = m.index + m[0].length;
  const inside = m.groups?.lvl?.trim();
  if (inside) {
    const hit = ctx.levels.levelAt(inside, 0, company);
    return hit && hit.length === inside.length ? { from: null, to: hit, toManager: false } : { from: null, to: null, toManager: false };
  }
  if (spec.then === 'from-to') {
    const from = ctx.levels.levelAt(text, end, company);
    if (!from) return { from: null, to: null, toManager: false };
    const to = /^\s+(?:to|into)\s+/.exec(text.slice(from.index + from.length));
    const toHit = to ? levelAfter(ctx.levels, text, from.index + from.length + to[0].length, company) : null;
    return { from, to: toHit, toManager: false };
  }
  if (spec.needLevel) return { from: null, to: levelAfter(ctx.levels, text, end, company), toManager: false };
  const rest = text.slice(end);
  const lead = /^(?:\s+(?:again|twice|early|quickly|fast|very quickly|pretty quickly|really quickly))?\s+/.exec(rest);
  const at = end + (lead ? lead[0].length : 0);
  const from = /^from\s+/.exec(text.slice(at));
  let fromHit: LevelHit | null = null;
  let toAt = at;
  if (from) {
    fromHit = ctx.levels.levelAt(text, at + from[0].length, company);
    if (fromHit) toAt = fromHit.index + fromHit.length + 1;
  }
  const to = /^\s*(?:up\s+)?(?:to|into)\s+/.exec(text.slice(toAt));
  if (!to) return { from: fromHit, to: null, toManager: false };
  const toHit = levelAfter(ctx.levels, text, toAt + to[0].length, company);
  return { from: fromHit, to: toHit, toManager: !toHit && OTHER_MANAGER.test(text.slice(toAt + to[0].length)) };
}

function companyAt(ctx: ReadContext, text: string, at: number, spec: PatternSpec): { company: string | null; hit: CompanyHit | null } {
  const hit = ctx.companies.at(text, at);
  if (hit) return { company: hit.company.name, hit };
  if (spec.then !== 'company-or-name') return { company: null, hit: null };
  // "founded a company, Hello Interview" / "started a startup called X"
  APPOSITIVE.lastIndex = at;
  const appos = APPOSITIVE.exec(text);
  const nameAt = appos ? APPOSITIVE.lastIndex : at;
  const known = ctx.companies.at(text, nameAt);
  if (known) return { company: known.company.name, hit: known };
  const name = properName(text, nameAt);
  if (name && appos && PERSON_AFTER.test(text.slice(nameAt + name.length))) return { company: null, hit: null };
  return { company: name, hit: null };
}

/** Every moment one sentence tells, for one subject. */
export function readSentence(said: string, patterns: readonly CompiledPattern[], ctx: ReadContext): SentenceHit[] {
  const sentence = patterns[0]?.coordinate?.(said) ?? said;
  const hits: SentenceHit[] = [];
  let namedMemo: string[] | null = null;
  const named = () => (namedMemo ??= [...new Set(ctx.companies.find(sentence).map((h) => h.company.name))]);
  for (const { spec, re } of patterns) {
    if (!spec.needs.test(sentence) || (spec.heading && /[.!?]["')\]]*\s*$/.test(sentence))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const end = m.index + m[0].length;
      if (CONDITION.test(sentence.slice(0, m.index)) || quotedFromOthers(sentence, m.index)) continue;
      let company: string | null = null;
      let product = false;
      let known = false;
      if (spec.then === 'company' || spec.then === 'company-or-name') {
        const found = companyAt(ctx, sentence, end, spec);
        company = found.company;
        product = found.hit?.product ?? false;
        known = found.hit !== null;
        if (!company && !spec.optionalCompany) continue;
        // a gazetteer company is read by the patterns that check it is an employer; this one reads new names only
        if (spec.nameTail && known) continue;
        if (company && !known && spec.nameTail && !spec.nameTail.test(sentence.slice(sentence.indexOf(company, end) + company.length))) continue;
      }
      if (spec.cue === 'always' || (spec.cue === 'product' && product)) {
        if (!CUE.test(sentence.replace(m[0], ' '))) continue;
      }
      const own = company ?? (named().length === 1 ? named()[0]! : null);
      let kind = spec.kind;
      let from: LevelHit | null = null;
      let to: LevelHit | null = null;
      let track: Track | null = spec.track ?? null;
      if (spec.then === 'levels' || spec.then === 'from-to') {
        const lv = readLevels(ctx, sentence, m, spec, own);
        if (spec.needLevel && !lv.to) continue;
        ({ from, to } = lv);
        if (lv.toManager) {
          kind = 'track';
          track = 'manager';
        } else if (to) {
          track = to.step.track;
          if (from && from.step.track === to.step.track && from.step.rank >= to.step.rank) continue;
          // reaching the first manager level from an engineer's job is a change of track
          if (to.step.track === 'manager' && (to.step.key === 'm1' || to.step.key === 'm0') && (!from || from.step.track === 'ic')) kind = 'track';
          else if (from && from.step.track !== to.step.track) kind = 'track';
        }
      }
      if (hits.some((h) => h.kind === kind && Math.abs(h.index - m!.index) < 8)) continue;
      hits.push({
        kind,
        index: m.index,
        from,
        to,
        track,
        company,
        sentenceCompanies: named(),
        companyKnown: known,
        companyIndex: company ? sentence.indexOf(company, end) : -1,
        needsContext: spec.then === 'context',
        noContext: spec.noContext ?? false,
        first: m.groups?.ord === 'first',
        strength: spec.strength,
        when: readWhen(sentence, m.index, ctx.publishedYear),
      });
    }
  }
  return hits;
}
