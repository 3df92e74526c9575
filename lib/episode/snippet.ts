import { decodeHtmlEntities } from '@/lib/text/entities';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** Turns HTML entities back into characters; unknown ones stay as written. */
export function unescapeEntities(text: string): string {
  return decodeHtmlEntities(text);
}

/**
 * A search snippet arrives HTML-escaped with only `<mark>`…`</mark>` added.
 * Splitting on those tags and un-escaping the rest gives plain text parts that
 * React renders as text: a transcript's `<script>` is shown, never parsed.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  for (const piece of snippet.split(/(<mark>|<\/mark>)/i)) {
    if (/^<mark>$/i.test(piece)) marked = true;
    else if (/^<\/mark>$/i.test(piece)) marked = false;
    else if (piece) parts.push({ text: unescapeEntities(piece), marked });
  }
  return parts;
}
