import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '@/lib/ingest/limits';
import { frontmatterTranscript } from '../support/samples';
import { documentOf, failureOf, makeBatch, type Batch } from './helpers/batch';

/**
 * Files the importer used to accept and should not have (issue 11): impossible
 * dates and times, JSON no format reads, nesting past any format's depth, and
 * counts past the limits are errors naming the file (and line where there is
 * one); NUL, lone surrogates, over-long fields and turns are imported with a
 * warning. Every case writes its own file and leaves the earlier rows as they were.
 */
let batch: Batch;
beforeEach(async () => (batch = await makeBatch('ladder-real-use-')));
afterEach(() => batch.cleanup());

const base = frontmatterTranscript({ title: 'Broken on purpose', guest: 'Noor Haddad' });
const frontMatter = base.slice(0, base.indexOf('\n---\n') + 5);
const clock = (s: number) => [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, '0')).join(':');
/**
 * A front-matter transcript of `n` one-line turns, a `###` chapter before every
 * `chapterEvery`-th. The body starts on line 15; a turn takes 4 lines, a heading 2.
 */
function turns(n: number, chapterEvery = 0): string {
  const out = [frontMatter.replace(/^chapters: .*\n/m, '')];
  for (let i = 0; i < n; i++) {
    if (chapterEvery && i % chapterEvery === 0) out.push(`### Part ${i}\n`);
    out.push(`${i % 2 ? 'Noor' : 'Jordan'} ${clock(i)}:\n\nTurn ${i}.\n`);
  }
  return out.join('\n');
}
/** A distinct capitalised name per number: Ab, Ac, … (speaker labels are names, without digits). */
const letters = (i: number) => `Sp${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
const whisper = (text: string) => `{"text": "x", "segments": [{"id": 0, "start": 0.0, "end": 2.0, "text": ${text}}]}\n`;
const chaptersJson = (chapters: string) => `{"version": "1.2.0", "chapters": [${chapters}]}`;

interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  failed: string;
  error: RegExp;
  line: number | null;
}

const cases: Case[] = [
  { name: 'a !!timestamp in month 13', files: { 'ts.md': base.replace('date: 03/02/2024', 'date: !!timestamp 2024-13-45') }, failed: 'ts.md', error: /!!timestamp "2024-13-45" is not a real date: month 13/, line: 9 },
  { name: 'a plain date in month 13', files: { 'month.md': base.replace('date: 03/02/2024', 'date: 2024-13-45') }, failed: 'month.md', error: /"date" on line 9 is not a date/, line: 9 },
  { name: 'a sidecar date in month 13', files: { 'side.md': base, 'side.meta.yaml': 'title: A title\ndate: 2024-13-45\n' }, failed: 'side.md', error: /meta\.yaml sidecar line 2: .*"2024-13-45" is not a real date/, line: null },
  { name: 'a turn past 100 hours', files: { 'hours.md': base.replace('00:10:30', '120:00:00') }, failed: 'hours.md', error: /invalid timestamp "120:00:00"/, line: 29 },
  { name: 'a duration past 100 hours', files: { 'long.md': base.replace('duration: 30', 'duration: 10000') }, failed: 'long.md', error: /"duration" on line 10 is over 100 hours/, line: 10 },
  { name: 'a chapter at 1e300 s', files: { 'far.md': base, 'far.chapters.json': chaptersJson('{"startTime": 0, "title": "Intro"}, {"startTime": 1e300, "title": "Far"}') }, failed: 'far.md', error: /chapters\[1\]\.startTime is not a time in seconds from 0 to 360000/, line: null },
  { name: 'a sidecar chapter past 100 hours', files: { 'late.md': base, 'late.meta.yaml': 'chapters: ["00:00 Intro", "999:00:00 Much later"]\n' }, failed: 'late.md', error: /chapter 2 .*"999:00:00" is not a valid time/, line: null },
  { name: 'JSON of no transcript format', files: { 'data.json': '{"title": "Quarterly numbers", "items": [1, 2, 3]}\n' }, failed: 'data.json', error: /JSON, but not a transcript format/, line: 1 },
  { name: 'a JSON array', files: { 'list.json': '[{"speaker": "Ana", "said": "hello"}]\n' }, failed: 'list.json', error: /JSON, but not a transcript format/, line: 1 },
  { name: 'broken JSON', files: { 'broken.json': '{\n  "segments": [\n    {"start": 0,, "text": "x"}\n  ]\n}\n' }, failed: 'broken.json', error: /not valid JSON/, line: 3 },
  { name: 'JSON with a deeply nested text', files: { 'deep.json': `{"segments": [], "text": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}` }, failed: 'deep.json', error: /nested more than 64 levels/, line: 1 },
  { name: 'a JSON string with a lone surrogate where text belongs, nested too deep', files: { 'deep2.json': `${'['.repeat(100)}"\\ud800"${']'.repeat(100)}` }, failed: 'deep2.json', error: /nested more than 64 levels/, line: 1 },
  { name: `${LIMITS.chapters + 1} chapters as headings`, files: { 'headings.md': turns(LIMITS.chapters + 1, 1) }, failed: 'headings.md', error: /chapter heading 2,001 is over the limit of 2,000 chapters/, line: 14 + 2_000 * 6 + 1 },
  { name: `a chapters.json of ${LIMITS.chapters + 500} chapters`, files: { 'many.md': base, 'many.chapters.json': chaptersJson(Array.from({ length: LIMITS.chapters + 500 }, (_, i) => `{"startTime": ${i}, "title": "C${i}"}`).join(',')) }, failed: 'many.md', error: /chapters\.json: 2,500 chapters, over the limit of 2,000/, line: null },
  { name: `${LIMITS.segments + 1} turns`, files: { 'turns.md': turns(LIMITS.segments + 1) }, failed: 'turns.md', error: /turn 20,001 is over the limit of 20,000 turns/, line: 14 + 20_000 * 4 + 1 },
  { name: `${LIMITS.speakers + 1} speakers`, files: { 'crowd.srt': Array.from({ length: LIMITS.speakers + 1 }, (_, i) => `${i + 1}\n${clock(i)},000 --> ${clock(i)},500\n${letters(i)}: Line ${i}.\n`).join('\n') }, failed: 'crowd.srt', error: /501 different speakers, over the limit of 500/, line: null },
  { name: 'a 5 MB guest name', files: { 'huge-name.md': base.replace('guest: Noor Haddad', `guest: ${'Name '.repeat(1_000_000)}`) }, failed: 'huge-name.md', error: /front matter \(lines 1–14\) is 5,000,\d+ characters, over the 1,000,000-character limit/, line: 1 },
  { name: 'a meta.yaml of a million chapter lines', files: { 'million.md': base, 'million.meta.yaml': `chapters:\n${'- 1:00 Part\n'.repeat(1_000_000)}` }, failed: 'million.md', error: /meta\.yaml sidecar: file is \d+\.\d MB, over the 1 MB limit for a sidecar/, line: null },
];

describe.each(cases)('$name', ({ files, failed, error, line }) => {
  it('fails with an error naming the file; the rest imports, earlier rows stay', async () => {
    const f = failureOf(await batch.run(files), failed);
    expect(f.error).toMatch(error);
    expect(f.line).toBe(line);
  });
});

function rows(sql: string, ...args: unknown[]) {
  const db = new Database(batch.dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...args) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('files that import with a warning', () => {
  it('replaces a NUL after the first 8 KB with U+FFFD, naming its line', async () => {
    const body = base.replace('I had thirty days to show impact.', `I had thirty days${'.'.repeat(9000)} to show\0 impact.`);
    const doc = documentOf(await batch.run({ 'nul.md': body }), 'nul.md');
    expect(doc.warnings.join('\n')).toMatch(/1 NUL character\(s\) replaced with U\+FFFD \(first on line 22\)/);
    expect(rows(`SELECT count(*) AS n FROM segments WHERE instr(text, char(0)) > 0`)).toEqual([{ n: 0 }]);
    expect(rows(`SELECT count(*) AS n FROM segments WHERE text LIKE '%show' || char(65533) || ' impact.%'`)).toEqual([{ n: 1 }]);
  });

  it.each([
    ['JSON', 'lone.whisper.json', whisper('"Bad \\ud800 half, \\u0000 and a fine \\ud83d\\ude00."'), 1, /text/],
    ['YAML front matter', 'lone.md', base.replace('title: Broken on purpose', 'title: "Broken \\udc00 on purpose"'), 11, /title/],
  ])('replaces lone surrogates from %s escapes with U+FFFD, naming the escape’s line, and stores valid UTF-8', async (_kind, name, body, line, field) => {
    const doc = documentOf(await batch.run({ [name]: body }), name);
    const warning = doc.warnings.find((w) => /U\+FFFD/.test(w));
    expect(warning).toMatch(new RegExp(`in ${field.source}.* replaced with U\\+FFFD \\(first escape on line ${line}\\)`));
    // SQLite holds what it was given: valid UTF-8 reads back as the same text, with U+FFFD in place
    const stored = rows(`SELECT s.text, d.title, hex(s.text) AS hex FROM segments s JOIN documents d ON d.id = s.document_id WHERE d.source_path LIKE ?`, `%${name}`);
    const all = stored.map((r) => `${r.title} ${r.text}`).join(' ');
    expect(all.isWellFormed()).toBe(true);
    expect(all).toContain('\ufffd');
    expect(stored.map((r) => r.hex).join('')).not.toMatch(/ED[AB][0-9A-F]/);
  });

  it('keeps a transcript whose front matter has a very long line a transcript', async () => {
    const body = base.replace('description: A test episode', `description: ${'A long description. '.repeat(2_000)}A test episode`);
    const doc = documentOf(await batch.run({ 'long-line.md': body }), 'long-line.md');
    expect(doc).toMatchObject({ format: 'frontmatter-transcript', title: 'Broken on purpose', segments: 4 });
    expect(doc.warnings.join('\n')).toMatch(/description is 40,\d+ characters, over the 5,000-character limit; cut/);
  });

  // 400 KB here (topic tagging still costs about 3 s per MB); tests/ingest/limits.test.ts parses the 15 MB one
  it('splits a one-line file past the segment limit at sentence ends, keeping one turn', async () => {
    const sentence = 'The calibration meeting ran long and the promo packet went in anyway. ';
    const doc = documentOf(await batch.run({ 'wall.txt': `Wall of text\n\n${sentence.repeat(Math.ceil(4e5 / sentence.length))}` }), 'wall.txt');
    expect(doc.warnings.join('\n')).toMatch(/1 turn\(s\) over the 50,000-character limit split into \d+ segments/);
    const [stats] = rows(`SELECT max(length(s.text)) AS longest, count(*) AS n, count(DISTINCT s.turn) AS turns FROM segments s JOIN documents d ON d.id = s.document_id WHERE d.source_path LIKE '%wall.txt'`);
    expect(stats!.longest).toBeLessThanOrEqual(LIMITS.segmentChars);
    expect(stats!.n).toBeGreaterThanOrEqual(9);
    // the title paragraph and the wall: two source units, however many pieces
    expect(stats!.turns).toBe(2);
    expect(rows(`SELECT count(*) AS n FROM segments WHERE text NOT LIKE '%.' AND length(text) > 1000`)).toEqual([{ n: 0 }]);
  });

  it('leaves out a guest name past the name limit and cuts a long title', async () => {
    const body = base.replace('guest: Noor Haddad', `guest: [Noor Haddad, ${'Name '.repeat(100)}]`).replace('title: Broken on purpose', `title: ${'Very long title '.repeat(40)}`);
    const doc = documentOf(await batch.run({ 'huge-name.md': body }), 'huge-name.md');
    expect(doc.warnings.join('\n')).toMatch(/1 person name\(s\) over the 100-character limit \(the longest 499\) left out/);
    expect(doc.title.length).toBeLessThanOrEqual(LIMITS.titleChars);
    expect(doc.title).toMatch(/^Very long title .*…$/);
    expect(rows(`SELECT max(length(name)) AS longest FROM people`)).toEqual([{ longest: expect.any(Number) }]);
    expect(rows(`SELECT max(length(name)) AS longest FROM people`)[0]!.longest).toBeLessThanOrEqual(LIMITS.nameChars);
  });

  it('reads a speaker label with a zero-width joiner or a bidi override as the real person, not a lookalike', async () => {
    const body = base
      .replace('Noor 00:00:25:', 'No\u200dor 00:00:25:')
      .replace('Noor 00:10:30:', '\u202eNoor 00:10:30:')
      .replace('guest: Noor Haddad', 'guest: Noor\u200b Haddad');
    const doc = documentOf(await batch.run({ 'lookalike.md': body }), 'lookalike.md');
    // every turn line is a turn: nothing merged into the turn before
    expect(doc.segments).toBe(4);
    const speakers = rows(`SELECT s.speaker_label AS label, p.name FROM segments s JOIN documents d ON d.id = s.document_id LEFT JOIN people p ON p.id = s.speaker_person_id WHERE d.source_path LIKE '%lookalike.md' ORDER BY s.ordinal`);
    expect(speakers).toEqual([
      { label: 'Jordan', name: 'Jordan Blake' },
      { label: 'Noor', name: 'Noor Haddad' },
      { label: 'Jordan', name: 'Jordan Blake' },
      { label: 'Noor', name: 'Noor Haddad' },
    ]);
    expect(rows(`SELECT name FROM people WHERE name LIKE '%oor%'`)).toEqual([{ name: 'Noor Haddad' }]);
  });

  it('names a sidecar that has no main file', async () => {
    const report = await batch.run({ 'lonely.meta.yaml': 'title: Nobody reads me\n', 'gone.chapters.json': chaptersJson('') });
    expect(report.failed).toEqual([]);
    expect(report.warnings.map((w) => [path.basename(w.file), w.message])).toEqual([
      ['gone.chapters.json', expect.stringMatching(/sidecar with no main file beside it \(expected gone\.<ext>\); ignored/)],
      ['lonely.meta.yaml', expect.stringMatching(/sidecar with no main file beside it \(expected lonely\.<ext>\); ignored/)],
    ]);
  });
});
