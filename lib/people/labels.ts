/**
 * What a speaker label in a transcript stands for. Transcribers label more than
 * people: break markers, ad reads, music and clips, diarisation voices. Those
 * turns are kept and shown, but only people get pages, and only speech is quoted.
 */
import type { SegmentKind } from '../ingest/types';
import { cleanLabel, stripAppearanceSuffix } from '../text/names';

export type LabelKind = 'person' | 'anonymous' | 'break' | 'ad' | 'sound';

const BREAK = /^(?:(?:mid|ad|sponsor|commercial|station)[\s-]?)?(?:break|intermission|interlude|pause)s?(?:[\s_-]*\d+)?$/i;
const AD = /\b(?:ads?|advert|adverts|advertisements?|advertiser|sponsors?|sponsored|sponsorship|commercials?|promos?|promotional|paid (?:message|promotion))\b/i;
const SOUND =
  /\b(?:music|musical|song|songs|jingle|theme|intro|outro|teaser|trailer|extract|excerpt|clip|clips|sample|soundbite|sound|sounds|audio|video|recording|applause|laughter|laughs|silence|crosstalk|inaudible|spoiler|alert|begins|ends|cold open|montage|voicemail|sfx|bumper|stinger|narration)\b/i;
const ANONYMOUS =
  /^(?:speaker|spk|voice|unknown|unidentified|narrator|announcer|host|co-?host|guest|interviewer|interviewee|participant|audience(?: member)?|caller|moderator|panelist|man|woman|male|female|person|someone|multiple|multiple speakers|both|all|everyone|group|crowd|other|others|various)(?:[\s_-]*(?:\d+|[a-z]))?$/i;

export function classifyLabel(raw: string): LabelKind {
  // "Dana Ortiz 2.0" is Dana Ortiz's second appearance, not a numbered track
  const label = stripAppearanceSuffix(cleanLabel(raw).replace(/[_]+/g, ' ').trim());
  if (label === '') return 'anonymous';
  if (BREAK.test(label)) return 'break';
  if (AD.test(label)) return 'ad';
  if (SOUND.test(label)) return 'sound';
  if (ANONYMOUS.test(label)) return 'anonymous';
  // "Teaser_2021", "SPEAKER_01", "Track 3": digits are never part of a person's name
  if (/\d/.test(label)) return 'sound';
  // names come in many shapes ("VM (Vicky) Brasseur", "Mireille B. Reece, Psy.D", "$STDOUT"):
  // anything with letters that is short and not one of the labels above is somebody
  const words = label.split(' ').length;
  return /\p{L}/u.test(label) && words <= 6 && label.length <= 60 ? 'person' : 'anonymous';
}

/** The segment kind of a turn by its label: anything but a break, ad or sound is speech. */
export function segmentKindOf(label: string | null): SegmentKind {
  if (!label) return 'speech';
  const kind = classifyLabel(label);
  return kind === 'break' || kind === 'ad' || kind === 'sound' ? kind : 'speech';
}
