import type { ParsedPerson } from './types';

/**
 * Resolves a speaker label as written in a transcript ("Ryan", "Ryan Peterman",
 * "RYAN") to one of the document's named people: full name first, then a unique
 * first name, then a unique last name. Unknown voices stay labels.
 */
export function resolveSpeaker(label: string | null, people: readonly ParsedPerson[]): ParsedPerson | null {
  if (!label) return null;
  const wanted = label.trim().toLowerCase();
  if (!wanted) return null;
  const full = people.find((p) => p.name.toLowerCase() === wanted);
  if (full) return full;
  const byPart = (pick: (parts: string[]) => string | undefined) => {
    const hits = people.filter((p) => pick(p.name.toLowerCase().split(/\s+/)) === wanted);
    return hits.length === 1 ? hits[0]! : null;
  };
  return byPart((parts) => parts[0]) ?? byPart((parts) => parts[parts.length - 1]);
}
