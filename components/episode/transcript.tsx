import { CopyLinkButton } from '@/components/ui/copy-link-button';
import { TimeText } from '@/components/ui/time-link';
import type { DocumentDetail } from '@/db/queries/documents';
import { partOfSegment, sendsWhole, transcriptParts, type TranscriptPart } from '@/lib/episode/parts';
import { rowsFor } from '@/lib/episode/rows';
import { formatTimestamp } from '@/lib/text/time';
import { chapterPath } from '@/lib/episode/urls';
import { FindInTranscript } from './find-in-transcript';
import { PartLoader } from './part-loader';
import { SegmentRow, TranscriptSharedProvider } from './segment-row';

type Chapter = DocumentDetail['chapters'][number];

function ChapterHeading({ doc, c }: { doc: DocumentDetail; c: Chapter }) {
  const href = chapterPath(doc.slug, c);
  return (
    <h3 id={c.anchor} className="mb-2 mt-10 flex scroll-mt-28 flex-wrap items-baseline gap-x-3 border-t border-zinc-200 pt-6 text-xl font-semibold tracking-tight dark:border-zinc-800">
      <span>{c.title}</span>
      <span className="flex items-center gap-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">
        {c.startSeconds !== null && (
          <a href={href} data-moment="" className="text-indigo-700 hover:underline dark:text-indigo-300">
            <TimeText seconds={c.startSeconds} estimated={c.estimated} />
          </a>
        )}
        <CopyLinkButton path={href} label={`Copy link to chapter “${c.title}”`} />
      </span>
    </h3>
  );
}

/** What a placeholder calls its part, and the address that opens the page at it without JavaScript. */
function partLink(doc: DocumentDetail, p: TranscriptPart<Chapter>): { label: string; href: string } {
  const anchor = p.opensChapter && p.chapter ? p.chapter.anchor : `part-${p.index}`;
  const range = p.startSeconds !== null ? `${formatTimestamp(p.startSeconds)}${p.endSeconds !== null ? `–${formatTimestamp(p.endSeconds)}` : ' to the end'}` : null;
  const label = p.opensChapter ? 'this chapter' : range ? `the transcript from ${range}` : `part ${p.index + 1}`;
  const href = p.startSeconds !== null ? `?t=${Math.floor(p.startSeconds)}#${anchor}` : `?part=${p.index}#${anchor}`;
  return { label, href };
}

/**
 * The text with speaker turns, times and chapter headings. A long transcript
 * is sent one part at a time (lib/episode/parts.ts): the part holding the
 * moment asked for is rendered here, the others are placeholders that fetch
 * themselves as they come near; every chapter heading is always there, so
 * chapter anchors work before their text has arrived.
 */
export function Transcript({ doc, target, part }: { doc: DocumentDetail; target: { ordinal: number; t: number } | null; part: number | null }) {
  const heading = doc.kind === 'brief' ? 'Insights' : doc.kind === 'episode' ? 'Transcript' : 'Text';
  const estimated = doc.segments.some((s) => s.estimated);
  const parts = transcriptParts(doc.chapters, doc.segments);
  const whole = sendsWhole(parts);
  const targetIndex = target ? doc.segments.findIndex((s) => s.ordinal === target.ordinal) : -1;
  const shown = whole ? null : ((part !== null ? parts[part] : undefined) ?? partOfSegment(parts, targetIndex >= 0 ? targetIndex : null));
  return (
    <section aria-labelledby="transcript-heading" className="min-w-0" data-transcript={doc.slug} data-whole={whole ? 'true' : undefined}>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h2 id="transcript-heading" className="text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
          {heading}
        </h2>
        {doc.segments.length > 0 && <FindInTranscript slug={doc.slug} />}
      </div>
      {estimated && (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Times marked ≈ are estimated from each word&rsquo;s position between the times the transcript gives; they can be off by a few seconds.
        </p>
      )}
      <TranscriptSharedProvider value={{ kind: doc.kind, mediaUrl: doc.mediaUrl }}>
        <div className="mt-4">
          {doc.segments.length === 0 && <p className="text-zinc-600 dark:text-zinc-400">This document has no text.</p>}
          {parts.map((p) => {
            const first = doc.segments[p.from];
            const last = doc.segments[p.to - 1];
            const loaded = whole || p === shown || p.from === p.to;
            return (
              <div
                key={p.index}
                id={`part-${p.index}`}
                data-part={p.index}
                data-part-start={p.startSeconds ?? undefined}
                data-first={first?.ordinal}
                data-last={last?.ordinal}
                className="scroll-mt-28 [&:first-child>h3]:mt-0 [&:first-child>h3]:border-t-0 [&:first-child>h3]:pt-0"
              >
                {p.opensChapter && p.chapter && <ChapterHeading doc={doc} c={p.chapter} />}
                <div className={doc.kind === 'brief' ? 'space-y-3' : ''}>
                  {loaded ? (
                    rowsFor(doc.segments, p.from, p.to, target).map((r) => <SegmentRow key={r.ordinal} {...r} />)
                  ) : (
                    <PartLoader slug={doc.slug} index={p.index} words={p.words} wordCount={p.words.toLocaleString('en')} {...partLink(doc, p)} />
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </TranscriptSharedProvider>
    </section>
  );
}
