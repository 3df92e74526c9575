/**
 * Speaker names as written vary in ways a reader never sees: Unicode forms,
 * zero-width joiners, bidi overrides, stray spaces, "Name 2.0" for a second
 * appearance. These helpers give the form names are matched on, so lookalikes
 * join the real person instead of becoming one.
 */

// zero-width and bidi controls, the BOM, soft hyphen, and other invisible format characters
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;

/** NFC, invisible characters removed, white space folded: the label as it should have been written. */
export function cleanLabel(label: string): string {
  return label.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

// "Name 2.0", "Name 3", "Name (2)", "Name #2", "Name II" when written as a repeat-appearance tag
const APPEARANCE_SUFFIX = /\s+(?:\(\s*\d+(?:\.\d+)?\s*\)|#?\d+(?:\.\d+)?|v\d+(?:\.\d+)?)$/i;

/** A person's name without an appearance tag ("Dana Ortiz 2.0" → "Dana Ortiz"). */
export function stripAppearanceSuffix(name: string): string {
  const stripped = name.replace(APPEARANCE_SUFFIX, '').trim();
  return stripped === '' ? name : stripped;
}

/** The key two spellings of one name share: cleaned, suffix dropped, case and accents folded. */
export function nameKey(name: string): string {
  return stripAppearanceSuffix(cleanLabel(name))
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s*[.]\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function firstNameKey(name: string): string {
  return nameKey(name).split(' ')[0] ?? '';
}
