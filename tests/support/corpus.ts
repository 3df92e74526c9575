import fs from 'node:fs';
import path from 'node:path';

/** The real corpus lives beside the project (../shared/corpus); it is read, never copied. */
export const CORPUS_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

export function corpusFiles(): string[] {
  return fs
    .readdirSync(CORPUS_DIR)
    .map((f) => path.join(CORPUS_DIR, f))
    .filter((f) => fs.statSync(f).isFile())
    .sort();
}

export function readCorpusText(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
}

/** Corpus files are told apart by content in the app; tests find "the one that looks like X" the same way. */
export function findCorpusFile(predicate: (text: string) => boolean): string {
  const hit = corpusFiles().find((f) => predicate(readCorpusText(f)));
  if (!hit) throw new Error('no corpus file matched');
  return hit;
}
