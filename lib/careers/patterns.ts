import type { MomentKind } from './types';

/**
 * The sentence patterns of career moments, written once for any subject: the
 * guest's own "I", a host's "you" to the guest, or the guest's name in prose
 * about them. A pattern only fires with its subject right before the verb (a few
 * auxiliaries and adverbs between), so "my manager got promoted" and "we promoted
 * the release" are not the speaker's promotion.
 */
export interface Subject {
  /** the subject ("I", "you", "Evan") */
  s: string;
  /** the possessive ("my", "your", "Evan's") */
  p: string;
  /** the object ("me", "you", "him") */
  o: string;
  /** the subject as a word, put back into a second verb of the same subject ("I left X and [I] founded Y") */
  word: string;
}

export const FIRST_PERSON: Subject = { s: String.raw`\bI(?:'ve|'d|'m)?`, p: String.raw`\b[Mm]y`, o: String.raw`\bme\b`, word: 'I' };
export const SECOND_PERSON: Subject = { s: String.raw`\b[Yy]ou(?:'ve|'d|'re)?`, p: String.raw`\b[Yy]our`, o: String.raw`\byou\b`, word: 'you' };

/** Prose about a named guest: "Evan King", "Evan", with an appositive ("Evan King, a software engineer who"). */
export function namedSubject(names: string[], pronoun = false): Subject {
  const alt = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
  const pro = pronoun ? '|[Hh]e|[Ss]he' : '';
  return {
    s: String.raw`\b(?:(?:${alt})(?:,\s+(?:a|an|the)\s+[^,.;]{1,60}?\s+who)?${pro})`,
    p: String.raw`\b(?:(?:${alt})'s${pronoun ? '|[Hh]is|[Hh]er' : ''})`,
    o: String.raw`\b(?:${alt}${pronoun ? '|him|her' : ''})\b`,
    word: names[names.length - 1] ?? names[0] ?? '',
  };
}

/** Auxiliaries and adverbs allowed between the subject and the verb; no "not", no modal. */
const AUX = String.raw`(?:\s+(?:was|were|got|had|have|has|been|am|finally|eventually|then|actually|just|quickly|already|also|ultimately|basically|officially|soon|later|recently|only|first|even|kind of|sort of|really|still|successfully|ended up|wound up|luckily|somehow|initially|originally|once|immediately|subsequently|fortunately|unexpectedly|both|all))*`;
/** not inside a condition ("if I got promoted") */
const NOT_IF = String.raw`(?<!\b(?:[Ii]f|[Uu]nless|[Ww]hether|[Uu]ntil)\s+)`;

export interface PatternSpec {
  kind: MomentKind;
  /** what to read right after the match: levels, a company, a proper name */
  then: 'levels' | 'company' | 'company-or-name' | 'context' | 'none' | 'from-to';
  /** the pattern's own confidence */
  strength: number;
  /** a move to or from a product-like company needs an employment cue in the sentence */
  cue: 'always' | 'product' | 'never';
  /** for track switches: the track the person ends on */
  track?: 'ic' | 'manager';
  /** "we" counts as the speaker (founding a company, a layoff of everyone) */
  we?: boolean;
  /** the verb means nothing without a level after it ("I made staff", not "I made it") */
  needLevel?: boolean;
  /** a cheap test the sentence must pass before the pattern runs (a word the pattern cannot match without) */
  needs: RegExp;
  /** a name not in the gazetteer counts only when followed by this ("joined Acme as an engineer") */
  nameTail?: RegExp;
  /** only in a heading: a line of prose with no sentence end */
  heading?: boolean;
  /** the company is deliberately not the one around ("I had just left another job") */
  noContext?: boolean;
  /** a company may follow but need not ("we started a company", "… a company called X") */
  optionalCompany?: boolean;
  source: (s: Subject) => string;
}

const S = (s: Subject) => `${NOT_IF}${s.s}${AUX}\\s+`;
const SW = (s: Subject, we: boolean) => (we ? `${NOT_IF}(?:${s.s}|\\b[Ww]e(?:'ve)?)${AUX}\\s+` : S(s));
const MANAGER = String.raw`(?:a\s+|an\s+|the\s+)?(?:(?:first-time|new|engineering|eng|people|line|first-line|frontline|front-line|software|development|team)\s+)*(?:manager|management|managing|EM|SDM)\b(?!'s|\s+(?:science|studies|degree|school|consult\w*|information|systems?|tools?|software|platform|console|layer|plane|API|UI|accounting)\b|\s+(?:of\s+(?:my|the)\s+\w+\s+(?:was|is)|told|said|asked))`;
const IC = String.raw`(?:being\s+)?(?:an?\s+)?(?:IC|individual contributor|the IC track|IC work|(?:an?\s+)?(?:software\s+)?engineer|engineering|hands-on engineering)\b`;
const COMPANY_NOUN = String.raw`(?:(?:[\w-]+\s+){0,2}?(?:company|startup|start-up|business|consultancy|agency|firm))\b(?!'s|\s+(?:culture|website|blog|account|card)\b)`;

export const PATTERNS: PatternSpec[] = [
  // promotions
  // "I got promoted", "I was promoted", never "I promoted the release"
  { kind: 'promotion', needs: /promot/, then: 'levels', strength: 0.9, cue: 'never', source: (s) => `${NOT_IF}${s.s}${AUX}\\s+(?:was|were|got|been|gotten)(?:\\s+(?:finally|eventually|quickly|just|actually|also|then|officially|recently|soon|first))?\\s+promoted\\b` },
  { kind: 'promotion', needs: /promot/, then: 'levels', strength: 0.85, cue: 'never', source: (s) => `\\b(?:promoted\\s+${s.o}|got\\s+${s.o}\\s+promoted)` },
  // "it took me two years to get promoted to senior"
  { kind: 'promotion', needs: /promot/, then: 'levels', strength: 0.85, cue: 'never', source: (s) => `\\btook\\s+${s.o}\\s+[^.?!]{1,40}?\\s+to\\s+(?:get|be)\\s+promoted\\b` },
  {
    kind: 'promotion', needs: /promo/, then: 'levels', strength: 0.85, cue: 'never',
    source: (s) => `${S(s)}(?:got|earned|received|landed)\\s+(?:my|his|her|a|an|the|that)\\s+(?<ord>first|second|third|next|big|early)?\\s*(?<lvl>(?:[\\w-]+\\s+){0,3}?)(?:promotion|promo)\\b(?!\\s*(?:code|packet|package|case|doc|committee|process|cycle|criteria|season|review|panel))`,
  },
  {
    kind: 'promotion', needs: /promo/, then: 'levels', strength: 0.8, cue: 'never',
    source: (s) => `${s.p}\\s+(?<ord>first|second|third|next|last)?\\s*(?<lvl>(?:[\\w-]+\\s+){0,3}?)(?:promotion|promo)\\b(?!\\s*(?:code|packet|package|case|doc|committee|process|cycle|criteria|season|review|panel|discussion|conversation|prep|attempt))`,
  },
  { kind: 'promotion', needs: /\b(?:made|reached|hit|bec[oa]me|got to)\s/, then: 'levels', strength: 0.85, cue: 'never', needLevel: true, source: (s) => `${S(s)}(?:made|reached|hit|became|become|got\\s+to)\\s+(?=\\S)` },
  { kind: 'promotion', needs: /\bfrom\s/, then: 'from-to', strength: 0.85, cue: 'never', needLevel: true, source: (s) => `${S(s)}(?:went|moved|jumped|progressed|grew|got|was\\s+promoted)\\s+(?:all\\s+the\\s+way\\s+)?from\\s+(?=\\S)` },
  // track switches
  {
    kind: 'track', needs: /manag|\bEM\b|\bSDM\b/, then: 'none', strength: 0.85, cue: 'never', track: 'manager',
    source: (s) => `${S(s)}(?:became|become|was\\s+made|moved\\s+(?:over\\s+)?(?:in)?to|transitioned(?:\\s+over)?\\s+(?:in)?to|switched(?:\\s+over)?\\s+(?:in)?to|went\\s+into|stepped\\s+into|jumped\\s+into|got\\s+into|pivoted\\s+(?:in)?to|made\\s+the\\s+(?:switch|jump|move|transition|leap)\\s+(?:in)?to)\\s+${MANAGER}`,
  },
  {
    kind: 'track', needs: /manag|\bEM\b|\bSDM\b/, then: 'none', strength: 0.85, cue: 'never', track: 'manager',
    source: (s) => `${S(s)}(?:went|moved|switched|transitioned|made\\s+the\\s+(?:switch|jump|move|transition))\\s+from\\s+${IC}\\s+(?:in)?to\\s+${MANAGER}`,
  },
  { kind: 'track', needs: /management/, then: 'none', strength: 0.8, cue: 'never', track: 'manager', source: (s) => `${s.p}\\s+(?:transition|move|switch|jump)\\s+(?:in)?to\\s+(?:people\\s+)?management\\b` },
  {
    kind: 'track', needs: /\bback\s/, then: 'none', strength: 0.85, cue: 'never', track: 'ic',
    source: (s) => `${S(s)}(?:went|moved|switched|transitioned|stepped|came|got|decided\\s+to\\s+go|chose\\s+to\\s+go|returned)\\s+back\\s+(?:in)?to\\s+${IC}`,
  },
  {
    kind: 'track', needs: /manag/, then: 'none', strength: 0.85, cue: 'never', track: 'ic',
    source: (s) => `${S(s)}(?:stepped\\s+down\\s+from|stepped\\s+away\\s+from|left|quit|gave\\s+up|got\\s+out\\s+of)\\s+(?:being\\s+a\\s+manager|management|managing|people\\s+management|my\\s+manager\\s+role)\\b`,
  },
  {
    kind: 'track', needs: /manag|\bEM\b|\bSDM\b/, then: 'none', strength: 0.85, cue: 'never', track: 'ic',
    source: (s) => `${S(s)}(?:went|moved|switched|transitioned|made\\s+the\\s+(?:switch|jump|move|transition))\\s+from\\s+${MANAGER}\\s+(?:back\\s+)?(?:in)?to\\s+${IC}`,
  },
  // joining a company
  {
    kind: 'joined', needs: /joined/, then: 'company', strength: 0.9, cue: 'product',
    source: (s) => `${S(s)}(?:joined|rejoined)\\s+(?=[A-Z0-9])`,
  },
  {
    kind: 'joined', needs: /work|began|hired|offer|job|position|role/, then: 'company-or-name', strength: 0.9, cue: 'never',
    source: (s) => `${S(s)}(?:went\\s+to\\s+work\\s+(?:at|for)|started\\s+(?:working|my\\s+career)\\s+(?:at|for)|began\\s+(?:working\\s+)?(?:at|for)|got\\s+(?:a\\s+job|hired|an\\s+offer|a\\s+position|a\\s+role|a\\s+full-time\\s+(?:job|offer))\\s+(?:at|by|with|from)|was\\s+hired\\s+(?:at|by)|took\\s+(?:a\\s+job|a\\s+position|a\\s+role|the\\s+job|an\\s+offer|the\\s+offer|a\\s+full-time\\s+job)\\s+(?:at|with|from)|accepted\\s+(?:a|an|the|their)\\s+(?:job|offer|position|role)\\s+(?:at|with|from))\\s+(?=[A-Z0-9])`,
  },
  {
    kind: 'joined', needs: /\b(?:to|at)\s+[A-Z0-9]/, then: 'company', strength: 0.8, cue: 'always',
    source: (s) => `${S(s)}(?:went|moved(?:\\s+over)?|switched|came(?:\\s+over)?|ended\\s+up|landed|returned|went\\s+back|headed|jumped(?:\\s+ship)?)\\s+(?:to|at)\\s+(?=[A-Z0-9])`,
  },
  {
    kind: 'joined', needs: /joined/, then: 'company-or-name', strength: 0.85, cue: 'never', nameTail: /^\s+as\s+(?:a|an|the|its|their|employee)\b/,
    source: (s) => `${S(s)}(?:joined|rejoined)\\s+(?=[A-Z0-9])`,
  },
  {
    kind: 'joined', needs: /opportunity|chance/, then: 'company', strength: 0.75, cue: 'never',
    source: (s) => `${S(s)}had\\s+(?:the|an|this)\\s+(?:opportunity|chance)\\s+to\\s+(?:go\\s+)?(?:work\\s+(?:at|for|with)|join)\\s+(?=[A-Z0-9])`,
  },
  { kind: 'joined', needs: /job/, then: 'company', strength: 0.85, cue: 'never', source: (s) => `${s.p}\\s+(?:first|next|new)\\s+(?:real\\s+|full-time\\s+|proper\\s+)?job\\s+(?:out\\s+of\\s+(?:college|school|university)\\s+)?(?:was\\s+)?(?:at|with)\\s+(?=[A-Z0-9])` },
  { kind: 'joined', needs: /\b(?:move|switch|jump)\b/, then: 'company', strength: 0.8, cue: 'product', source: (s) => `${s.p}\\s+(?:move|switch|jump)\\s+(?:over\\s+)?to\\s+(?=[A-Z0-9])` },
  {
    kind: 'joined', needs: /joined/, then: 'context', strength: 0.7, cue: 'never',
    source: (s) => `\\b(?:[Ww]hen|[Aa]fter|[Bb]efore|[Ss]ince|[Oo]nce|by\\s+the\\s+time)\\s+${s.s}(?:\\s+first)?\\s+joined\\b(?!\\s+(?:the|a|an|this|that|my|our|his|her|their|them|him|it|in\\s+on|forces|up|us|[A-Z]))`,
  },
  // leaving a company
  {
    kind: 'left', needs: /left|quit|depart|resign|walked|leav|fired/, then: 'company', strength: 0.9, cue: 'product',
    source: (s) => `${S(s)}(?:left|quit|departed|resigned\\s+from|walked\\s+away\\s+from|decided\\s+to\\s+leave|ended\\s+up\\s+leaving|was\\s+fired\\s+from|got\\s+fired\\s+from)\\s+(?=[A-Z0-9])`,
  },
  {
    kind: 'left', needs: /left|quit/, then: 'company-or-name', strength: 0.9, cue: 'never',
    source: (s) => `${S(s)}(?:left|quit)\\s+(?:my|his|her|the|a)\\s+(?:(?:full-time|day|cushy|comfortable|corporate|well-paying|good|old|safe|stable)\\s+)*(?:job|role|position|gig)\\s+(?:at|with)\\s+(?=[A-Z0-9])`,
  },
  {
    kind: 'left', needs: /left|quit/, then: 'context', strength: 0.7, cue: 'never',
    source: (s) => `${S(s)}(?:left|quit)(?:\\s+(?:my|his|her)\\s+(?:full-time\\s+|day\\s+)?job)?(?=\\s*(?:[,.;!?]|$)|\\s+(?:in\\s+(?:19|20)\\d\\d|back\\s+in|around|after|to\\s+(?:start|found|join|work|go|build|do|pursue|launch|create)|because|and\\s+(?:started|joined|founded|went))\\b)`,
  },
  {
    kind: 'left', needs: /left|quit/, then: 'none', strength: 0.75, cue: 'never', noContext: true,
    source: (s) => `${S(s)}(?:left|quit)\\s+(?:another|my\\s+(?:previous|old|last|former))\\s+job\\b`,
  },
  { kind: 'left', needs: /big tech/, then: 'none', strength: 0.75, cue: 'never', source: (s) => `${S(s)}(?:left|quit)\\s+big\\s+tech\\b` },
  // PIPs and layoffs
  { kind: 'pip', needs: /PIP|improvement plan/, then: 'none', strength: 0.85, cue: 'never', source: (s) => `${S(s)}(?:was|got|been)\\s+(?:put\\s+|placed\\s+)?on\\s+(?:a\\s+|the\\s+)?(?:PIP|performance\\s+improvement\\s+plan)\\b` },
  { kind: 'pip', needs: /PIP|improvement plan/, then: 'none', strength: 0.85, cue: 'never', source: (s) => `\\b(?:put|placed)\\s+${s.o}\\s+on\\s+(?:a\\s+|the\\s+)?(?:PIP|performance\\s+improvement\\s+plan)\\b` },
  { kind: 'pip', needs: /PIP/, then: 'none', strength: 0.85, cue: 'never', source: (s) => `${S(s)}(?:was|got)\\s+(?:PIP'd|PIPed|PIPped)\\b` },
  {
    kind: 'layoff', needs: /laid|let|RIF|riffed/, then: 'none', strength: 0.85, cue: 'never', we: true,
    source: (s) => `${SW(s, true)}(?:was|were|got|had\\s+been)\\s+(?:(?:all|also|just|actually|both)\\s+)*(?:laid\\s+off|let\\s+go|RIF'd|RIFed|riffed)\\b`,
  },
  // "they let me go." is a layoff; "let me go back to…" is not
  { kind: 'layoff', needs: /laid|let/, then: 'none', strength: 0.85, cue: 'never', source: (s) => `\\b(?:laid\\s+${s.o}\\s+off|let\\s+${s.o}\\s+go(?=\\s*(?:[,.;!?)]|$)|\\s+(?:in|after|because|when|during|from|last|that|at\\s+the|as\\s+part)\\b))\\b` },
  {
    kind: 'layoff', needs: /lost my job|layoff|RIF|reduction/, then: 'none', strength: 0.8, cue: 'never',
    source: (s) => `${S(s)}(?:lost\\s+my\\s+job|was\\s+(?:caught\\s+up\\s+in|part\\s+of|affected\\s+by|impacted\\s+by|hit\\s+by))\\s+(?:in\\s+|during\\s+)?(?:the|a|one\\s+of\\s+the)\\s+(?:(?:big|first|second|mass|\\d{4})\\s+)?(?:layoffs?|RIF|reduction\\s+in\\s+force|round\\s+of\\s+layoffs)\\b`,
  },
  // founding a company
  {
    kind: 'founded', needs: /found/, then: 'company-or-name', strength: 0.9, cue: 'never', we: true,
    source: (s) => `${SW(s, true)}(?:co-?founded|founded)\\s+(?=[A-Z0-9])`,
  },
  {
    kind: 'founded', needs: /found|start|launch|set up|spun up|incorporated|formed/, then: 'company-or-name', strength: 0.85, cue: 'never', we: true, optionalCompany: true,
    source: (s) => `${SW(s, true)}(?:co-?founded|founded|started|launched|set\\s+up|spun\\s+up|incorporated|formed)\\s+(?:a|my|our|my\\s+own|our\\s+own|his\\s+own|her\\s+own|my\\s+first|our\\s+first|a\\s+new|another|the|this)\\s+${COMPANY_NOUN}`,
  },
  {
    kind: 'founded', needs: /found/, then: 'company-or-name', strength: 0.8, cue: 'never',
    source: (s) => `${NOT_IF}${s.s}(?:'m|\\s+am|\\s+was|\\s+became|\\s+is)\\s+(?:the\\s+|a\\s+|one\\s+of\\s+the\\s+)?(?:co-?founder|founder)s?(?:\\s+and\\s+(?:CEO|CTO|COO|president|chief\\s+\\w+\\s+officer))?\\s+(?:of|at)\\s+(?=[A-Z0-9])`,
  },
];

/**
 * Presuppositions in a host's question to the guest: "what made you leave and
 * want to join Meta?", "why did you leave Google?", "how did you get promoted to staff?".
 */
export const QUESTION_PATTERNS: PatternSpec[] = [
  { kind: 'left', needs: /leave/, then: 'context', strength: 0.65, cue: 'never', source: () => String.raw`\b(?:made|prompted|led|pushed|convinced|caused)\s+you\s+(?:to\s+)?(?:want\s+to\s+|decide\s+to\s+)?leave\b(?!\s+[A-Z])` },
  { kind: 'left', needs: /leave/, then: 'company', strength: 0.65, cue: 'never', source: () => String.raw`\b(?:made|prompted|led|pushed|convinced|caused)\s+you\s+(?:to\s+)?(?:want\s+to\s+|decide\s+to\s+)?leave\s+(?=[A-Z])` },
  { kind: 'joined', needs: /join/, then: 'company', strength: 0.65, cue: 'never', source: () => String.raw`\b(?:made|prompted|led|pushed|convinced|caused)\s+you\b[^.?!]{0,40}?\b(?:want\s+to\s+|decide\s+to\s+)?join\s+(?=[A-Z])` },
  { kind: 'left', needs: /leave|quit/, then: 'company', strength: 0.65, cue: 'never', source: () => String.raw`\b(?:[Ww]hy|[Hh]ow|[Ww]hen)\s+did\s+you\s+(?:decide\s+to\s+|end\s+up\s+|choose\s+to\s+)?(?:leave|quit)\s+(?=[A-Z])` },
  { kind: 'joined', needs: /join|work/, then: 'company', strength: 0.65, cue: 'product', source: () => String.raw`\b(?:[Ww]hy|[Hh]ow|[Ww]hen)\s+did\s+you\s+(?:decide\s+to\s+|end\s+up\s+|choose\s+to\s+)?(?:join|go\s+to\s+work\s+(?:at|for))\s+(?=[A-Z])` },
  { kind: 'promotion', needs: /promot/, then: 'levels', strength: 0.65, cue: 'never', source: () => String.raw`\b(?:[Hh]ow|[Ww]hen)\s+did\s+you\s+(?:get|end\s+up\s+getting)\s+promoted\b` },
];


/** Section headings of a summary about the guest ("Navigating Interviews and Landing Meta"). */
export const HEADING_PATTERNS: PatternSpec[] = [
  { kind: 'joined', needs: /Landing|Joining/, then: 'company', strength: 0.75, cue: 'never', heading: true, source: () => String.raw`(?:^|\s)(?:Landing|Joining)\s+(?:a\s+(?:[Jj]ob|[Rr]ole|[Pp]osition)\s+at\s+)?(?=[A-Z0-9])` },
  { kind: 'left', needs: /Leaving/, then: 'company', strength: 0.75, cue: 'never', heading: true, source: () => String.raw`(?:^|\s)Leaving\s+(?=[A-Z0-9])` },
];
