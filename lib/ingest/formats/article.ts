/**
 * A news or blog article saved as text: long paragraphs with short heading
 * lines between them (no markdown marks, no times). Headings become untimed
 * chapters, paragraphs become segments in their chapter.
 *
 * Decisions:
 * - Short lines before the first paragraph are the article's own header: the
 *   first is the title, a date among them is the publication date, the rest
 *   (byline, dek) the description.
 * - Without such a header the title is derived from the lead paragraph's first
 *   sentence: a later section heading names one section, not the article.
 * - Paragraphs before the first section heading (the lead) have chapterIndex
 *   null rather than a made-up untitled chapter.
 */
import { parseDateValue } from '../text/dates';
import { splitLines, splitParagraphs, type Paragraph } from '../text/paragraphs';
import { isHeadingLine, isProse, looksTimed } from '../text/prose';
import { shortTitle } from '@/lib/text/sentences';
import type { FormatParser, ParsedChapter, ParsedDocument, ParsedSegment } from '../types';
import { ParseError } from '../types';
import { frontmatterTranscript } from './frontmatter-transcript';
import { insightBrief } from './insight-brief';
import { youtubeSummary } from './youtube-summary';

const isHeading = (p: Paragraph) => isHeadingLine(p.text) && !isProse(p.text);

export const article: FormatParser = {
  name: 'article',

  detect(text) {
    const head = text.slice(0, 200_000);
    if (/^\s*(?:---|[{[]|WEBVTT)/.test(head) || looksTimed(head)) return false;
    // the other prose formats carry their own signatures; never take their files
    if (frontmatterTranscript.detect(head) || youtubeSummary.detect(head) || insightBrief.detect(head)) return false;
    const paragraphs = splitParagraphs(splitLines(head));
    const firstProse = paragraphs.findIndex((p) => isProse(p.text));
    if (firstProse === -1 || paragraphs.filter((p) => isProse(p.text)).length < 3) return false;
    // a section heading somewhere after the lead, followed by more running text
    let lastProse = -1;
    paragraphs.forEach((p, i) => {
      if (isProse(p.text)) lastProse = i;
    });
    return paragraphs.some((p, i) => i > firstProse && i < lastProse && isHeading(p));
  },

  parse(text, ctx) {
    const paragraphs = splitParagraphs(splitLines(text));
    if (paragraphs.length === 0) throw new ParseError('article has no text', 1);
    const warnings: string[] = [];

    const leadEnd = paragraphs.findIndex((p) => !isHeading(p));
    const header = paragraphs.slice(0, leadEnd === -1 ? paragraphs.length : leadEnd).map((p) => p.text);
    const body = paragraphs.slice(header.length);
    const dateLine = header.slice(1).find((h) => parseDateValue(h) !== null);
    const dek = header.slice(1).filter((h) => h !== dateLine);

    const chapters: ParsedChapter[] = [];
    const segments: ParsedSegment[] = [];
    body.forEach((p, i) => {
      if (isHeading(p)) {
        const next = body[i + 1];
        if (!next || isHeading(next)) warnings.push(`heading "${p.text}" (line ${p.line}) has no paragraphs under it`);
        chapters.push({ title: p.text, startSeconds: null, endSeconds: null, estimated: false });
      } else {
        const chapterIndex = chapters.length > 0 ? chapters.length - 1 : null;
        segments.push({ chapterIndex, speaker: null, startSeconds: null, estimated: false, text: p.text });
      }
    });
    if (segments.length === 0) throw new ParseError('article has headings but no paragraphs', paragraphs[0]!.line);

    const doc: ParsedDocument = {
      format: 'article',
      kind: 'article',
      title: header[0] ?? (shortTitle(segments[0]!.text) || ctx.fileName),
      description: dek.length > 0 ? dek.join('\n') : null,
      summary: null,
      show: null,
      publishedOn: dateLine ? parseDateValue(dateLine) : null,
      durationSeconds: null,
      mediaUrl: null,
      people: [],
      chapters,
      segments,
      warnings,
    };
    return doc;
  },
};
