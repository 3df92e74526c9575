/**
 * The catch-all: any text no other parser claimed. Paragraphs become untimed
 * segments so the text is still searchable, and a warning says why the file
 * was imported this way.
 */
import { splitLines, splitParagraphs } from '../text/paragraphs';
import { shortTitle } from '@/lib/text/sentences';
import type { FormatParser, ParsedDocument } from '../types';
import { ParseError } from '../types';

export const note: FormatParser = {
  name: 'note',

  detect(text) {
    return text.trim() !== '';
  },

  parse(text, ctx) {
    const paragraphs = splitParagraphs(splitLines(text));
    if (paragraphs.length === 0) throw new ParseError('file has no text', 1);
    const doc: ParsedDocument = {
      format: 'note',
      kind: 'note',
      title: shortTitle(paragraphs[0]!.text.split('\n')[0]!) || ctx.fileName,
      description: null,
      summary: null,
      show: null,
      publishedOn: null,
      durationSeconds: null,
      mediaUrl: null,
      people: [],
      chapters: [],
      segments: paragraphs.map((p) => ({ chapterIndex: null, speaker: null, startSeconds: null, estimated: false, text: p.text })),
      warnings: [`no known format matched ${ctx.fileName}; imported as a plain note (${paragraphs.length} paragraphs, no times or speakers)`],
    };
    return doc;
  },
};
