/**
 * An "insight brief" e-mail/page: newsletter boilerplate, one headline insight
 * paragraph, a "Related Insights" label, then related insight paragraphs. No
 * times, no speakers; each insight becomes one segment.
 */
import { splitLines, splitParagraphs } from '../text/paragraphs';
import { isProse, looksTimed } from '../text/prose';
import { shortTitle } from '@/lib/text/sentences';
import type { FormatParser, ParsedDocument } from '../types';
import { ParseError } from '../types';

/** Newsletter chrome around the insights (sign-up pitches); dropped, never imported as content. */
const BOILERPLATE = [/personali[sz]ed podcast brief/i, /\bsend you the top \d+ insights\b/i, /^(?:subscribe|unsubscribe|sign up)\b/i];
/** Chrome is a short line; a real insight that happens to mention a brief stays. */
const CHROME_MAX_CHARS = 160;
const RELATED = /^related insights:?$/i;

const isBoilerplate = (p: string) => p.length <= CHROME_MAX_CHARS && BOILERPLATE.some((re) => re.test(p));

export const insightBrief: FormatParser = {
  name: 'insight-brief',

  detect(text) {
    const head = text.slice(0, 100_000);
    if (/^\s*(?:---|[{[]|WEBVTT)/.test(head) || looksTimed(head)) return false;
    const paragraphs = splitParagraphs(splitLines(head)).map((p) => p.text);
    const marked = paragraphs.some((p) => RELATED.test(p)) || paragraphs.filter(isBoilerplate).length >= 2;
    return marked && paragraphs.filter((p) => isProse(p, 12)).length >= 2;
  },

  parse(text, ctx) {
    const paragraphs = splitParagraphs(splitLines(text)).filter((p) => !isBoilerplate(p.text));
    const relatedAt = paragraphs.findIndex((p) => RELATED.test(p.text));
    const insights = paragraphs.filter((p) => !RELATED.test(p.text));
    if (insights.length === 0) throw new ParseError('brief has no insight paragraphs', 1);
    const warnings: string[] = [];
    if (relatedAt === -1) warnings.push('no "Related Insights" label; the first paragraph is taken as the headline');
    else if (relatedAt !== 1) warnings.push(`"Related Insights" label on line ${paragraphs[relatedAt]!.line} is not right after one headline paragraph`);

    const headline = insights[0]!.text;
    const doc: ParsedDocument = {
      format: 'insight-brief',
      kind: 'brief',
      title: shortTitle(headline) || ctx.fileName,
      description: headline,
      summary: null,
      show: null,
      publishedOn: null,
      durationSeconds: null,
      mediaUrl: null,
      people: [],
      chapters: [],
      segments: insights.map((p) => ({ chapterIndex: null, speaker: null, startSeconds: null, estimated: false, text: p.text })),
      warnings,
    };
    return doc;
  },
};
