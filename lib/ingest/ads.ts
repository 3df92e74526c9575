/**
 * Ad reads inside speech: a host reading a sponsor message, a sponsor's voice.
 * They are kept and shown, but as kind 'ad' they are never quoted, tagged or
 * counted as a career story. Precision first: one sponsor phrase is a mention
 * ("we are sponsored by X" in conversation); an ad read stacks several cues.
 */
const OPENER = /\b(?:this|today's|the) (?:episode|show|podcast|video|segment)(?: is| was)? (?:brought to you|sponsored|supported|presented|powered|made possible|underwritten) by\b/i;
const CUES: RegExp[] = [
  /\b(?:brought to you by|sponsored by|thanks to our (?:sponsors?|partners?)|a word from our sponsors?|our (?:sponsor|friends) (?:at|over at))\b/i,
  /\b(?:use|enter|with|apply) (?:the |my |our )?(?:promo |discount |coupon |offer )?code\b/i,
  /\b(?:go|head|visit|check (?:them|it) out)(?: over)? (?:to|at) (?:https?:\/\/)?(?:www\.)?[a-z0-9-]+\.(?:com|io|dev|co|ai|org|net|app|fm|tv)\b/i,
  /\b(?:free trial|\d+ ?(?:%|percent) off|first (?:month|year) (?:is )?free|sign up (?:today|now|for free)|limited time offer)\b/i,
  /\b(?:listeners? of this (?:show|podcast)|our listeners get|exclusive (?:offer|deal) for)\b/i,
];

export function isAdRead(text: string): boolean {
  if (text.length > 6000) return false;
  const opener = OPENER.test(text);
  let cues = 0;
  // the opener contains the first cue's words: counted once
  CUES.forEach((cue, i) => {
    if ((i > 0 || !opener) && cue.test(text)) cues++;
  });
  return opener ? cues >= 1 : cues >= 3;
}
