import { createHash } from 'node:crypto';
import path from 'node:path';
import { decodeText } from '@/lib/ingest/decode';
import { mergeFolderMeta, parseFolderSidecar, type FolderMeta } from '@/lib/ingest/folder-sidecar';
import { ParseError } from '@/lib/ingest/types';
import type { SourceFile } from './collect-files';
import { readBounded } from './read-bounded';

export interface SourceBytes {
  bytes: Buffer;
  meta: Buffer | null;
  chapters: Buffer | null;
  /** the show.yaml files above it, farthest first */
  folder: Buffer[];
}

/** The file and its sidecars, each refused by size before it is read. */
export function readSource(file: SourceFile, folders: FolderSidecars): SourceBytes {
  return {
    bytes: readBounded(file.path),
    meta: file.metaPath ? readBounded(file.metaPath, 'meta.yaml sidecar') : null,
    chapters: file.chaptersPath ? readBounded(file.chaptersPath, 'chapters.json sidecar') : null,
    folder: file.folderSidecars.map((p) => folders.bytes(p)),
  };
}

/** Sidecars are part of the document: editing one (or the folder's show.yaml) must re-import it. */
export function hashSource(src: SourceBytes): string {
  const h = createHash('sha256').update(src.bytes);
  for (const side of [src.meta, src.chapters, ...src.folder]) {
    h.update('\0');
    if (side) h.update(side);
  }
  return h.digest('hex');
}

/** Each folder's show.yaml is read and parsed once per run, however many files sit below it. */
export class FolderSidecars {
  private readonly read = new Map<string, Buffer>();
  private readonly parsed = new Map<string, FolderMeta>();

  bytes(file: string): Buffer {
    let b = this.read.get(file);
    if (!b) {
      b = readBounded(file, `folder sidecar ${path.basename(file)}`);
      this.read.set(file, b);
    }
    return b;
  }

  /** The merged metadata for a file's folders; a broken show.yaml fails every file below it, naming itself. */
  metaFor(file: SourceFile): FolderMeta {
    const list = file.folderSidecars.map((p) => {
      let meta = this.parsed.get(p);
      if (!meta) {
        try {
          meta = parseFolderSidecar(decodeText(this.bytes(p)));
        } catch (err) {
          // the line is the sidecar's, not the transcript's: it goes in the message
          const line = err instanceof ParseError && err.line ? ` line ${err.line}` : '';
          throw new ParseError(`folder sidecar ${p}${line}: ${(err as Error).message}`);
        }
        this.parsed.set(p, meta);
      }
      return meta;
    });
    return mergeFolderMeta(list);
  }
}
