/**
 * Finds an episode's guest in free text when no metadata names them: hosts
 * introduce guests with stock phrases ("today's conversation is with Jane Doe",
 * "joined by Jane Doe"), and summaries lead with "How Jane Doe …". Auto-captions
 * keep names capitalised, so a "First Last" pair after such a cue is a name.
 */

// case-sensitive on purpose: the capitals are what tell a name from "the team"
const NAME = String.raw`([A-Z][\p{Ll}'’-]+ [A-Z][\p{Ll}'’-]+)\b`;
const CUES = [
  String.raw`[Cc]onversation (?:is|was) with ${NAME}`,
  String.raw`(?:[Tt]oday['’]?s|[Oo]ur|[Mm]y) guest (?:today )?is ${NAME}`,
  String.raw`(?:[Ww]e have|[Ww]e['’]ve got|I have) ${NAME} (?:on|here|with us|joining)`,
  String.raw`(?:[Jj]oined|[Aa]ccompanied) (?:today )?by ${NAME}`,
  String.raw`(?:[Ii]nterview|[Cc]hat|[Cc]onversation|[Tt]alk) with ${NAME}`,
  String.raw`[Ww]elcome(?: back)?,? (?:to the (?:show|podcast),? )?${NAME}`,
];
const CUE_RES = CUES.map((c) => new RegExp(c, 'gu'));
// weaker: a title or summary heading that opens with "How Jane Doe <verb>"
const HOW_RE = new RegExp(String.raw`^How ${NAME}`, 'u');
/** Capitalised words that follow the cues but are not first names. */
const NOT_NAMES = new Set(['The', 'This', 'That', 'Our', 'My', 'Your', 'Big', 'Tech', 'Staff', 'Senior', 'Everyone', 'Everybody', 'Back']);

/**
 * `texts` are searched in order (e.g. transcript, title, summary); the name
 * with the most cue hits wins, ties going to the first found. `exclude` holds
 * the host's name(s) so "joined by <host>" is not taken for the guest.
 */
export function findGuestName(texts: readonly string[], exclude: readonly (string | null)[] = []): string | null {
  const excluded = new Set(exclude.filter((n): n is string => !!n).map((n) => n.toLowerCase()));
  const votes = new Map<string, number>();
  const vote = (raw: string, weight: number) => {
    const name = raw.replace(/['’]s$/, '');
    if (NOT_NAMES.has(name.split(' ')[0]!) || excluded.has(name.toLowerCase())) return;
    votes.set(name, (votes.get(name) ?? 0) + weight);
  };
  for (const text of texts) {
    for (const re of CUE_RES) for (const m of text.matchAll(re)) vote(m[1]!, 2);
    for (const line of text.split('\n')) {
      const how = HOW_RE.exec(line.trim());
      if (how) vote(how[1]!, 1);
    }
  }
  let best: string | null = null;
  for (const [name, n] of votes) if (best === null || n > votes.get(best)!) best = name;
  return best;
}
