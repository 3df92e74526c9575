/** Small text helpers of the career-moment patterns. */

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const SMALL: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
};

/** Number words a speaker uses for ages and spans of time, as a regex source. */
export const NUMBER = String.raw`(?:\d{1,2}(?:\.\d)?|a couple(?: of)?|(?:twenty|thirty|forty|fifty|sixty)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a|an)`;

/** "3", "three", "twenty-five", "a couple of" → a number; null for anything else. */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (/^a couple(?: of)?$/.test(s)) return 2;
  const parts = s.split(/[\s-]+/);
  if (parts.length === 2 && SMALL[parts[0]!] && SMALL[parts[0]!]! >= 20 && SMALL[parts[1]!] && SMALL[parts[1]!]! < 10) {
    return SMALL[parts[0]!]! + SMALL[parts[1]!]!;
  }
  return parts.length === 1 ? (SMALL[s] ?? null) : null;
}
