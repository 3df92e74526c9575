import fs from 'node:fs';
import path from 'node:path';
import { importPaths } from '../db/import/run-import';

const ROOT = path.resolve(__dirname, '..');
export const E2E_DB = path.join(ROOT, 'data', 'e2e.db');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const CONTENT = path.join(ROOT, 'content');
// hostile titles, names and text: security.spec.ts checks they render as text on every page
const XSS_FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'xss');
// a long interview whose source has no chapters: chapters.spec.ts checks the generated ones
const CHAPTER_FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'chapters');
// a document whose media is an audio file player.spec.ts generates and serves, and one with a YouTube address
const PLAYER_FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'player');

/** Where the generated paging documents are written (data/ is not in the repository). */
const PAGING_DIR = path.join(ROOT, 'data', 'e2e-paging');
export const PAGING = { documents: 60, guests: 36 };
// invented names, each first name once: the importer joins people across the archive by name and first name
const FIRST = 'Abel Bria Cato Dara Emil Fenna Gideon Hana Ivo Jora Kasimir Lena Milo Nia Otto Pia Quinlan Rosa Sven Tova Uma Vito Wren Xenia Yuri Zara Alma Bodhi Cleo Dov Elin Faye Gus Hedda Iker Juno'.split(' ');
const LAST = ['Ashdown', 'Birchley', 'Colter', 'Dunmore', 'Ellery', 'Fairholm'];
/** The guest of paging document k is PAGING_GUESTS[k % 36]. */
export const PAGING_GUESTS = FIRST.map((f, i) => `${f} ${LAST[i % LAST.length]}`);

/**
 * Enough small documents for the lists to have several pages (lists.spec.ts),
 * written here rather than kept as files: document k has guest k mod 36, so
 * the first 24 guests appear twice and the rest once. Dated 2019, older than
 * every real document, and about nothing the topics or searches look for.
 */
function writePagingDocuments(): string {
  fs.rmSync(PAGING_DIR, { recursive: true, force: true });
  fs.mkdirSync(PAGING_DIR, { recursive: true });
  const pad = (n: number) => String(n).padStart(2, '0');
  for (let k = 0; k < PAGING.documents; k++) {
    const guest = PAGING_GUESTS[k % PAGING.guests]!;
    const date = new Date(Date.UTC(2019, 0, 1 + k)).toISOString().slice(0, 10);
    const text = [
      '---',
      `show: Paging Show ${'ABC'[k % 3]}`,
      `guest: ${guest}`,
      'host: Quill Keeper',
      `date: ${date}`,
      'duration: 2',
      `title: "Paging check ${pad(k)}: notes on gardening"`,
      '---',
      'Quill 00:00:00:',
      '',
      `Welcome to paging check ${pad(k)}. Today we talk about tomatoes and compost.`,
      '',
      `${guest.split(' ')[0]} 00:00:30:`,
      '',
      'Water in the morning, and let the soil dry between waterings.',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(PAGING_DIR, `paging-${pad(k)}.md`), text);
  }
  return PAGING_DIR;
}

/** The real archive beside the project (CI has it too): the pages are driven on real data, and page-weight.spec.ts measures its longest episode. */
const REAL_ARCHIVE = path.resolve(ROOT, '..', 'shared', 'real', 'changelog');

/**
 * The real archive, unless LADDER_E2E_EXTRA says otherwise: folders separated by `:`
 * (empty for none: a quicker run on the corpus and samples only).
 */
function extraArchives(): string[] {
  const extra = process.env.LADDER_E2E_EXTRA ?? (fs.existsSync(REAL_ARCHIVE) ? REAL_ARCHIVE : '');
  return extra
    .split(':')
    .filter(Boolean)
    .map((p) => path.resolve(ROOT, p));
}

/**
 * A fresh test database from the real corpus, the project's content folder
 * (taxonomy and samples) and the XSS probe fixture, imported the way
 * `ladder import` does it. Runs before
 * any test and before any page asks the server for data.
 */
export default async function globalSetup(): Promise<void> {
  for (const f of [E2E_DB, `${E2E_DB}-wal`, `${E2E_DB}-shm`, `${E2E_DB}-journal`]) fs.rmSync(f, { force: true });
  fs.rmSync(`${E2E_DB}.search`, { recursive: true, force: true });
  const paths = [CORPUS, CONTENT, CHAPTER_FIXTURES, ...[XSS_FIXTURES, PLAYER_FIXTURES].filter((p) => fs.existsSync(p)), writePagingDocuments(), ...extraArchives()];
  const report = await importPaths({ paths, dbPath: E2E_DB });
  // nothing real is refused (issue 10): a failure in the corpus or the real archive stops the run
  const corpusFailures = report.failed.filter((f) => [CORPUS, ...extraArchives()].some((dir) => path.resolve(f.file).startsWith(dir)));
  if (corpusFailures.length > 0) {
    throw new Error(`e2e import failed for the corpus: ${corpusFailures.map((f) => `${f.file}: ${f.error}`).join('; ')}`);
  }
  const imported = report.documents.length;
  process.stdout.write(`e2e database: ${imported} documents (${report.failed.length} failed) → ${path.relative(ROOT, E2E_DB)}\n`);
}
