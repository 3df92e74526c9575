import { isGazetteerText } from '../careers/companies';
import { isLevelMapText } from '../careers/levels';
import { isTaxonomyText } from '../topics/taxonomy';
import { applyChapters, parseChapterLines, parsePodcastChapters } from './chapters-sidecar';
import { decodeText } from './decode';
import { detectFormat } from './detect';
import { enforceLimits } from './enforce-limits';
import { expandMediaUrl, type FolderMeta } from './folder-sidecar';
import { applySpeakerOverrides } from './speaker-overrides';
import { episodeNumberFromFileName } from './episode-number';
import { refuseDeepJson, refuseUnknownJson } from './json-guard';
import { MAX_CHAPTERS_SIDECAR_BYTES, MAX_META_SIDECAR_BYTES } from './limits';
import { titleFromFileName } from './timed-document';
import { applySidecar, parseSidecar } from './sidecar';
import { ParseError, type ParsedDocument } from './types';
import { replaceIllFormedText, replaceNul, type SourceText } from './wellformed-document';

export interface SourceInput {
  bytes: Uint8Array;
  fileName: string;
  metaBytes?: Uint8Array | null;
  chaptersBytes?: Uint8Array | null;
  /** what the file's folders say (show.yaml sidecars, nearest last) and the show its folder implies */
  folder?: { meta: FolderMeta; show: string | null } | null;
}

export type SourceResult = { kind: 'document'; doc: ParsedDocument } | { kind: 'taxonomy' };

/**
 * Wraps an error from a sidecar so the message says which file it came from; a
 * line in the sidecar goes into the message, since the report's line is the main file's.
 */
function inSidecar<T>(label: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ParseError) throw new ParseError(`${label}${err.line ? ` line ${err.line}` : ''}: ${err.message}`);
    throw new ParseError(`${label}: ${(err as Error).message}`);
  }
}

/**
 * One file (and its sidecars) → a parsed document: decode, detect the format by
 * content, parse, then let NAME.meta.yaml and NAME.chapters.json override what
 * the file could not say. NUL and lone surrogates become U+FFFD with a warning;
 * JSON no format reads is refused; the result is held to lib/ingest/limits.ts.
 */
export function parseSource(input: SourceInput): SourceResult {
  const main = replaceNul(decodeText(input.bytes), '');
  const text = main.text;
  // the project's data files (taxonomy, level map, company gazetteer) sit in content/ but are not documents
  if (isTaxonomyText(text) || isLevelMapText(text) || isGazetteerText(text)) return { kind: 'taxonomy' };
  refuseDeepJson(text);
  const parser = detectFormat(text);
  refuseUnknownJson(text, parser);
  let doc = parser.parse(text, { fileName: input.fileName });
  doc.episodeNumber ??= episodeNumberFromFileName(input.fileName);
  if (input.folder) doc = applyFolderMeta(doc, input.folder.meta, input.fileName);
  const sources: SourceText[] = [{ label: '', text }];
  const early = main.warning ? [main.warning] : [];
  const sidecarText = (bytes: Uint8Array, label: string, maxBytes: number) =>
    inSidecar(label, () => {
      if (bytes.length > maxBytes) throw new ParseError(`file is ${(bytes.length / 1e6).toFixed(1)} MB, over the ${maxBytes / 1e6} MB limit for a sidecar`);
      const side = replaceNul(decodeText(bytes), label);
      if (side.warning) early.push(side.warning);
      sources.push({ label, text: side.text });
      return side.text;
    });
  if (input.metaBytes) {
    const metaText = sidecarText(input.metaBytes, 'meta.yaml sidecar', MAX_META_SIDECAR_BYTES);
    const meta = inSidecar('meta.yaml sidecar', () => parseSidecar(metaText));
    doc = applySidecar(doc, meta);
    if (meta.chapters && meta.chapters.length > 0) {
      const chapters = inSidecar('meta.yaml chapters', () => parseChapterLines(meta.chapters!));
      doc = applyChapters(doc, chapters);
    }
  }
  if (input.chaptersBytes) {
    const chaptersText = sidecarText(input.chaptersBytes, 'chapters.json sidecar', MAX_CHAPTERS_SIDECAR_BYTES);
    const chapters = inSidecar('chapters.json sidecar', () => parsePodcastChapters(chaptersText));
    doc = applyChapters(doc, chapters);
  }
  // an episode that names no show belongs to the one its folder stands for
  if (!doc.show && doc.kind === 'episode' && input.folder?.show) doc = { ...doc, show: input.folder.show };
  doc = safeMediaUrl(doc);
  if (!doc.title.trim()) {
    // the source has no title: a readable stand-in now, composed again once show and guests are known
    doc = { ...doc, title: titleFromFileName(input.fileName), titleIsFallback: true };
  }
  doc = enforceLimits(replaceIllFormedText(doc, sources));
  if (early.length > 0) doc = { ...doc, warnings: [...early, ...doc.warnings] };
  if (doc.segments.length === 0) throw new ParseError('document has no text to import');
  return { kind: 'document', doc };
}

/** A folder's show.yaml fills in what the file does not say; its speaker corrections apply. */
function applyFolderMeta(doc: ParsedDocument, meta: FolderMeta, fileName: string): ParsedDocument {
  let out: ParsedDocument = { ...doc };
  if (meta.kind) out.kind = meta.kind;
  if (meta.show && !out.show) out.show = meta.show;
  if (meta.media_url && !out.mediaUrl) {
    const url = expandMediaUrl(meta.media_url, { episode: out.episodeNumber ?? null, file: fileName.replace(/\.[^.]+$/, '') });
    if (url) out.mediaUrl = url;
  }
  const hosts = [...(meta.hosts ?? []), ...(meta.host ?? [])];
  const known = new Set(out.people.map((p) => p.name.toLowerCase()));
  out.people = [...out.people, ...hosts.filter((h) => !known.has(h.toLowerCase())).map((name) => ({ name, role: 'host' as const }))];
  if (meta.speakers) out = applySpeakerOverrides(out, meta.speakers);
  return out;
}

/**
 * Files come from anywhere: a `javascript:` or `data:` media URL must never reach
 * a page as a link, so only http(s) URLs are kept (pages check again when rendering).
 */
function safeMediaUrl(doc: ParsedDocument): ParsedDocument {
  if (!doc.mediaUrl) return doc;
  let scheme = '';
  try {
    scheme = new URL(doc.mediaUrl.trim()).protocol;
  } catch {
    scheme = '(not a URL)';
  }
  if (scheme === 'http:' || scheme === 'https:') return { ...doc, mediaUrl: doc.mediaUrl.trim() };
  // the URL itself is not echoed: it is untrusted text
  return { ...doc, mediaUrl: null, warnings: [...doc.warnings, `media URL ignored: scheme ${scheme} is not http or https`] };
}
