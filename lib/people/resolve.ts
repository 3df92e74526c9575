/**
 * People across a whole archive, not file by file. Within each show: a first
 * name, a last name or "Name 2.0" joins the full name already known; the host
 * is whoever is named host, else the speaker who recurs across the show's
 * episodes; guests are the other named speakers with real talk time. Brief
 * voices and labels that are not people keep their turns but get no page.
 */
import { DEFAULT_WORDS_PER_SECOND } from '../ingest/estimate-times';
import { cleanLabel, nameKey } from '../text/names';
import { classifyLabel } from './labels';
import { NameIndex } from './name-index';
import { ReportBuilder } from './report';
import type { DocResolution, DocSpeakers, ResolutionReport, ResolvedSpeaker, SpeakerStat } from './types';

/** a voice heard for less than this in an episode (and for little of it) is not a guest */
export const GUEST_MIN_SECONDS = 60;
const GUEST_MIN_SHARE = 0.1;
/** a speaker in this share of a show's episodes (at least two) is its host */
const HOST_MIN_SHARE = 0.3;

type Target = { key: string; note: string | null } | { role: 'voice' | 'pseudo'; note: string };

export function resolvePeople(docs: readonly DocSpeakers[]): { docs: DocResolution[]; report: ResolutionReport } {
  const groups = new Map<string, DocSpeakers[]>();
  docs.forEach((d, i) => {
    const key = d.show === null ? `\0${i}` : `s:${d.show}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  });
  const byId = new Map<string, DocResolution>();
  const report = new ReportBuilder();
  for (const group of groups.values()) {
    for (const r of resolveShow(group, report)) byId.set(r.id, r);
  }
  return { docs: docs.map((d) => byId.get(d.id)!), report: report.build() };
}

function resolveShow(group: readonly DocSpeakers[], report: ReportBuilder): DocResolution[] {
  const show = group[0]!.show;
  const names = new NameIndex();
  for (const doc of group) {
    for (const d of doc.declared) if (d.role === 'host' || d.role === 'guest') names.add(d.name, doc.id, true);
    for (const s of doc.speakers) {
      if (s.words > 0 && classifyLabel(s.label) === 'person' && nameKey(s.label).includes(' ')) names.add(s.label, doc.id, false);
    }
  }

  const targets = group.map((doc) => {
    const inDoc = new Set([...doc.declared.map((d) => nameKey(d.name)), ...doc.speakers.map((s) => nameKey(s.label))].filter((k) => names.has(k)));
    const overrides = new Map(doc.declared.map((d) => [nameKey(d.name), d.role]));
    return new Map(doc.speakers.map((s) => [s.label, target(s, inDoc, overrides.get(nameKey(s.label)), names, doc.id)]));
  });

  // hosts: named host anywhere in the show, or recurring across its episodes
  const declaredHosts = new Set(group.flatMap((d) => d.declared.filter((x) => x.role === 'host').map((x) => nameKey(x.name))));
  const spokeIn = new Map<string, number>();
  const guestIn = new Map<string, number>();
  group.forEach((doc, i) => {
    const keys = new Set([...targets[i]!.values()].flatMap((t) => ('key' in t ? [t.key] : [])));
    for (const k of keys) spokeIn.set(k, (spokeIn.get(k) ?? 0) + 1);
    for (const d of doc.declared) if (d.role === 'guest') guestIn.set(nameKey(d.name), (guestIn.get(nameKey(d.name)) ?? 0) + 1);
  });
  const hosts = new Set(declaredHosts);
  for (const [key, n] of spokeIn) {
    if (hosts.has(key) || group.length < 2 || n < 2 || n < HOST_MIN_SHARE * group.length) continue;
    if ((guestIn.get(key) ?? 0) * 2 >= n) continue;
    hosts.add(key);
    report.hostInferred(show, names.display(key), n);
  }

  return group.map((doc, i) => roles(doc, targets[i]!, hosts, names, report));
}

function target(s: SpeakerStat, inDoc: Set<string>, override: string | undefined, names: NameIndex, docId: string): Target {
  if (override === 'voice' || override === 'pseudo') return { role: override, note: 'set by a sidecar' };
  const kind = classifyLabel(s.label);
  if (kind === 'break' || kind === 'ad' || kind === 'sound') return { role: 'pseudo', note: `${kind} label, not a person` };
  if (kind === 'anonymous') return { role: 'voice', note: 'an unnamed voice' };
  if (s.words === 0) return { role: 'pseudo', note: 'no words spoken' };
  const key = nameKey(s.label);
  if (names.has(key)) return { key, note: null };
  if (!key.includes(' ')) {
    const candidates = names.withPart(key);
    const here = candidates.filter((c) => inDoc.has(c));
    if (here.length === 1) return { key: here[0]!, note: `"${s.label}" is ${names.display(here[0]!)}` };
    if (here.length === 0 && candidates.length > 0) {
      const ranked = candidates.map((c) => [c, names.documents(c)] as const).sort((a, b) => b[1] - a[1]);
      const [best, second] = [ranked[0]!, ranked[1]];
      if (best[1] >= 2 && (!second || best[1] >= 3 * second[1])) return { key: best[0], note: `"${s.label}" is ${names.display(best[0])}, known in this show` };
    }
  }
  return { key: names.add(s.label, docId, false), note: null };
}

function roles(doc: DocSpeakers, targets: Map<string, Target>, hosts: Set<string>, names: NameIndex, report: ReportBuilder): DocResolution {
  const totalWords = doc.speakers.reduce((n, s) => n + s.words, 0);
  const wordsOf = new Map<string, number>();
  for (const s of doc.speakers) {
    const t = targets.get(s.label)!;
    if ('key' in t) wordsOf.set(t.key, (wordsOf.get(t.key) ?? 0) + s.words);
  }
  const declared = new Map(doc.declared.map((d) => [nameKey(d.name), d.role]));
  const roleOf = (key: string): 'host' | 'guest' | 'voice' => {
    const said = declared.get(key);
    if (said === 'guest') return 'guest';
    if (said === 'host' || hosts.has(key)) return 'host';
    const words = wordsOf.get(key) ?? 0;
    const seconds = words / DEFAULT_WORDS_PER_SECOND;
    if (said === undefined && seconds < GUEST_MIN_SECONDS && !(words >= GUEST_MIN_SHARE * totalWords && seconds >= 15)) return 'voice';
    return 'guest';
  };

  const speakers: ResolvedSpeaker[] = doc.speakers.map((s) => {
    const t = targets.get(s.label)!;
    const seconds = Math.round(s.words / DEFAULT_WORDS_PER_SECOND);
    const base = { label: s.label, turns: s.turns, words: s.words, seconds, declaredRole: declared.get(nameKey(s.label)) ?? null };
    if (!('key' in t)) {
      if (t.role === 'pseudo') report.notPerson(s.label);
      else report.voice(doc.show, s.label, seconds);
      return { ...base, person: null, role: t.role, note: t.note };
    }
    const role = roleOf(t.key);
    const person = names.display(t.key);
    if (role === 'voice') {
      const heard = Math.round((wordsOf.get(t.key) ?? 0) / DEFAULT_WORDS_PER_SECOND);
      report.voice(doc.show, s.label, heard);
      return { ...base, person: null, role, note: `heard about ${heard} s; not a guest` };
    }
    if (cleanLabel(s.label) !== person) report.merged(doc.show, s.label, person);
    return { ...base, person, role, note: t.note };
  });

  const people = new Map<string, { name: string; role: 'host' | 'guest' }>();
  for (const s of speakers) if (s.person && (s.role === 'host' || s.role === 'guest')) people.set(nameKey(s.person), { name: s.person, role: s.role });
  const labelled = new Set(doc.speakers.map((s) => nameKey(s.label)));
  for (const d of doc.declared) {
    const key = nameKey(d.name);
    if (d.role !== 'host' && d.role !== 'guest') continue;
    if (!people.has(key)) people.set(key, { name: names.display(key), role: d.role });
    // kept as a row even when the person speaks under another label: what the metadata said survives re-resolution
    if (!labelled.has(key)) {
      const speaks = speakers.some((s) => s.person && nameKey(s.person) === key);
      const role = people.get(key)!.role;
      speakers.push({ label: d.name, person: names.display(key), role, declaredRole: d.role, turns: 0, words: 0, seconds: 0, note: speaks ? 'named by the metadata' : 'named by the metadata; no turns' });
      labelled.add(key);
    }
  }
  return { id: doc.id, speakers, people: [...people.values()] };
}
