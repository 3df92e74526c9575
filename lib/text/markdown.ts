/**
 * Markdown inline syntax → the plain text a reader sees: links and images keep
 * their text, emphasis and code marks go, backslash escapes are undone, entities
 * decoded. Transcripts written as Markdown (`**Name:** text`, `\[laughs\]`) are
 * stored and shown as plain text, so titles, snippets and quotes never show marks.
 *
 * Hand-written rather than remove-markdown: that package turned `\[laughs\]`
 * into `\laughs\]`, dropped the `[` of links, ate `5*3*2`, and took 1.9 s on
 * 30 MB of transcripts; these passes are linear and keep what is not markup.
 */
import { decodeHtmlEntities } from './entities';

const IMAGE = /!\[((?:\\.|[^\]\\\n])*)\]\((?:[^()\s\n]|\([^()\n]*\))*(?:\s+"[^"\n]*")?\)/g;
const LINK = /(?<!\\)\[((?:\\.|[^\]\\\n])+)\]\((?:[^()\s\n]|\([^()\n]*\))*(?:\s+"[^"\n]*")?\)/g;
const REF_LINK = /(?<!\\)\[((?:\\.|[^\]\\\n])+)\]\[[^\]\n]*\]/g;
const AUTOLINK = /<((?:https?|mailto):[^>\s]+)>/g;
const CODE = /`([^`\n]+)`/g;
const STRONG = /(?<![\\\w*])(\*\*|__)(?=\S)([^\n]*?\S)\1(?![\w*])/g;
const EM_STAR = /(?<![\\\w*])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?![\w*])/g;
const EM_UNDERSCORE = /(?<![\\\w])_(?=[^\s_])([^_\n]*?[^\s_\\])_(?!\w)/g;
const STRIKE = /~~(?=\S)([^~\n]*?\S)~~/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|<>~"'])/g;

export function stripInlineMarkdown(text: string): string {
  if (!/[\\*_`[<~&]/.test(text)) return text;
  // each pass only where its mark occurs: most paragraphs hold one kind of markup at most
  let out = text;
  if (out.includes('](')) out = out.replace(IMAGE, '$1').replace(LINK, '$1');
  if (out.includes('][')) out = out.replace(REF_LINK, '$1');
  if (out.includes('<')) out = out.replace(AUTOLINK, '$1');
  if (out.includes('`')) out = out.replace(CODE, '$1');
  if (out.includes('**') || out.includes('__')) out = out.replace(STRONG, '$2');
  if (out.includes('*')) out = out.replace(EM_STAR, '$1');
  if (out.includes('_')) out = out.replace(EM_UNDERSCORE, '$1');
  if (out.includes('~~')) out = out.replace(STRIKE, '$1');
  if (out.includes('\\')) out = out.replace(ESCAPE, '$1');
  if (out.includes('&')) out = decodeHtmlEntities(out);
  return out;
}

/** A Markdown block's leading marks (headings, quotes, list bullets) go too, for a one-line title. */
export function markdownToPlainLine(text: string): string {
  return stripInlineMarkdown(text.replace(/^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+)/, '')).replace(/\s+/g, ' ').trim();
}
