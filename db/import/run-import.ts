import path from 'node:path';
import type { DocumentRows } from '@/lib/ingest/reshape';
import { ParseError } from '@/lib/ingest/types';
import { openDatabase, type LadderDb } from '../client';
import { resolveIndexDir, resolveTaxonomyPath } from '../config';
import { documents } from '../schema';
import { duplicateRecords, recordPlanRest, removeVanished } from './archive-rest';
import { planArchive, type ParsedFile, type PlannedDocument } from './archive-step';
import { collectFiles, type SourceFile } from './collect-files';
import { recordFailure, summarise } from './file-records';
import { ArchiveTerms } from './generated-chapters';
import type { ParseInput } from './jobs';
import { FolderSidecars, hashSource, readSource } from './read-source';
import { emptyReport, failureOf, finishReport, stopped, type ImportFailure, type ImportReport } from './report';
import { IndexPublisher } from './search-hook';
import { loadTaxonomy, syncTopics } from './topics';
import { inProcess } from './worker-pool';
import { batches, jobRunner, writeBatch, type BatchContext } from './write-batches';

export type { ImportedDocument, ImportStatus } from './file-records';
export { emptyReport, type ImportReport } from './report';

export interface ImportOptions {
  paths: string[];
  dbPath?: string;
  ladderDb?: LadderDb;
  taxonomyPath?: string;
  onProgress?: (line: string) => void;
  /** publish the search index after the commit (default true) */
  rebuildIndex?: boolean;
}

/**
 * Imports files in four steps: read every file and skip the unchanged ones by
 * hash; parse the rest (on worker threads for a large run); decide across the
 * archive (duplicates, people, titles); write the documents in batched
 * transactions, so a crash leaves whole documents only. Then the search index
 * is published once (and now and then during a long run).
 *
 * Faults never end a run without its report: a file that cannot be read or
 * written (a full disk, any I/O error) is a failure naming its path, and the
 * run goes on with the next; what stops the run as a whole (the database
 * itself failing) is reported against the database, with every file not yet
 * settled named as not imported. Committed documents stay whole, and the
 * index is only ever published from committed rows.
 */
export async function importPaths(opts: ImportOptions): Promise<ImportReport> {
  const ladder = opts.ladderDb ?? openDatabase({ path: opts.dbPath });
  const { db } = ladder;
  const progress = opts.onProgress ?? (() => {});
  const report = emptyReport();
  const unrecorded: string[] = [];
  const fail = (file: string, hash: string, err: unknown) => {
    let failure: ImportFailure;
    try {
      failure = recordFailure(db, file, hash, err);
    } catch (recordErr) {
      // the database cannot take the record either (the disk is full): the report still has it
      failure = failureOf(file, err);
      unrecorded.push(recordErr instanceof Error ? recordErr.message : String(recordErr));
    }
    report.failed.push(failure);
    progress(`✗ ${file}${failure.line ? `:${failure.line}` : ''}: ${failure.error}`);
  };
  const publisher = opts.rebuildIndex === false ? null : new IndexPublisher(ladder);
  const published = (problem: string | null) => {
    if (problem) report.warnings.push({ file: resolveIndexDir(ladder.path), message: problem });
  };
  let files: SourceFile[] = [];
  let changed = false;
  try {
    const taxonomy = loadTaxonomy(opts.taxonomyPath);
    const topicIds = syncTopics(db, taxonomy);
    const collected = collectFiles(opts.paths);
    files = collected.files;
    for (const w of collected.warnings) {
      if (w.message === 'no such file or folder') report.failed.push({ file: w.file, line: null, error: w.message });
      else report.warnings.push(w);
    }
    const terms = new ArchiveTerms(ladder.sqlite);
    changed = removeVanished(ladder, opts.paths, new Set(files.map((f) => f.path)), report, terms);
    const toParse = readChanged(ladder, files, report, fail);

    const runner = jobRunner(toParse.length);
    try {
      const pending: ParsedFile[] = [];
      const outputs = await Promise.all(toParse.map((t) => runner.parse(t.input).catch(() => inProcess.parse(t.input))));
      outputs.forEach((out, i) => {
        const t = toParse[i]!;
        if (out.kind === 'error') fail(t.file.path, t.hash, new ParseError(out.message, out.line ?? undefined));
        else if (out.kind === 'document') pending.push({ file: t.file, hash: t.hash, previousId: t.previousId, doc: out.doc, sketch: out.sketch, speakers: out.speakers, terms: out.terms });
      });

      const plan = planArchive(ladder, pending);
      terms.countAll(plan.write);
      // this thread keeps a copy too: a document a worker failed on is shaped here
      if (plan.write.length > 0) {
        const keep = plan.write.map((p) => p.file.path);
        await Promise.all([runner.termStats(terms.stats, keep), ...(runner === inProcess ? [] : [inProcess.termStats(terms.stats, keep)])]);
      }
      report.people = plan.people;
      const ctx: BatchContext = { ladder, topicIds, now: new Date().toISOString(), writtenIds: new Map(), report, fail, progress };
      const taxonomyPath = resolveTaxonomyPath(opts.taxonomyPath);
      // every document is shaped (tagged) on the workers while this thread writes the ones already shaped
      const shaped = plan.write.map((p) => {
        const input = { key: p.file.path, doc: p.doc, patch: p.patch, source: { path: p.file.path, hash: p.hash, fingerprint: p.fingerprint }, resolution: p.resolution, taxonomyPath };
        return runner.reshape(input).catch(() => inProcess.reshape(input));
      });
      let at = 0;
      for (const batch of batches(plan.write)) {
        const ready: { p: PlannedDocument; rows: DocumentRows }[] = [];
        for (const p of batch) {
          try {
            ready.push({ p, rows: await shaped[at]! });
          } catch (err) {
            fail(p.file.path, p.hash, err);
          }
          at++;
        }
        changed = writeBatch(ctx, ready) || changed;
        if (changed && publisher) published(publisher.afterCommit());
      }
      changed = recordPlanRest(ladder, plan, ctx.writtenIds, report, ctx.now) || changed;
    } finally {
      await runner.close();
    }
    try {
      terms.save();
    } catch (err) {
      // derived data: the documents are whole without it, and titles of chapters made later weigh words a little off
      report.warnings.push({ file: ladder.path, message: `archive word counts for generated chapters not saved: ${err instanceof Error ? err.message : String(err)}` });
    }
  } catch (err) {
    // the run as a whole cannot go on (the database failed outside any one file): say so, and name what was left
    stopped(report, ladder.path, files, err);
  }
  try {
    finishReport(report, files);
    if (unrecorded.length > 0) {
      report.warnings.push({ file: ladder.path, message: `${unrecorded.length} failure(s) above could not be recorded in the database either: ${unrecorded[0]}` });
    }
    if (publisher) published(publisher.finish(changed));
    return report;
  } finally {
    if (!opts.ladderDb) ladder.sqlite.close();
  }
}

interface ToParse {
  file: SourceFile;
  hash: string;
  previousId: number | null;
  input: ParseInput;
}

/** Reads every file; the unchanged ones and known duplicates are settled here, the rest are to parse. */
function readChanged(ladder: LadderDb, files: readonly SourceFile[], report: ImportReport, fail: (file: string, hash: string, err: unknown) => void): ToParse[] {
  const folders = new FolderSidecars();
  const previous = new Map(
    ladder.db.select({ id: documents.id, sourcePath: documents.sourcePath, contentHash: documents.contentHash }).from(documents).all().map((d) => [d.sourcePath, d]),
  );
  const knownDuplicates = duplicateRecords(ladder);
  const toParse: ToParse[] = [];
  for (const file of files) {
    let hash = '';
    try {
      const src = readSource(file, folders);
      hash = hashSource(src);
      const before = previous.get(file.path);
      if (before && before.contentHash === hash) {
        report.documents.push(summarise(ladder, before.id, file.path, 'unchanged'));
        continue;
      }
      const dup = knownDuplicates.get(file.path);
      if (!before && dup && dup.hash === hash) {
        report.duplicates.push({ file: file.path, of: dup.of, reason: dup.reason });
        continue;
      }
      const folder = { meta: folders.metaFor(file), show: file.folderShow };
      toParse.push({ file, hash, previousId: before?.id ?? null, input: { key: file.path, bytes: src.bytes, fileName: path.basename(file.path), metaBytes: src.meta, chaptersBytes: src.chapters, folder } });
    } catch (err) {
      fail(file.path, hash, err);
    }
  }
  return toParse;
}
