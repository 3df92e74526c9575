import type { FormatParser } from '../types';
import { article } from './article';
import { frontmatterTranscript } from './frontmatter-transcript';
import { insightBrief } from './insight-brief';
import { markdownTranscript } from './markdown-transcript';
import { note } from './note';
import { otterText } from './otter-text';
import { podcastJson } from './podcast-json';
import { srt } from './srt';
import { webvtt } from './webvtt';
import { whisperJson } from './whisper-json';
import { youtubeJson3 } from './youtube-json3';
import { youtubeSummary } from './youtube-summary';

/**
 * Detection order: the most specific signatures first (JSON shapes, subtitle
 * headers and cue timings, front matter), then the loose prose formats, and
 * `note` last as the catch-all for any other text.
 */
export const formatParsers: readonly FormatParser[] = [
  podcastJson,
  whisperJson,
  youtubeJson3,
  webvtt,
  srt,
  markdownTranscript,
  frontmatterTranscript,
  youtubeSummary,
  otterText,
  insightBrief,
  article,
  note,
];
