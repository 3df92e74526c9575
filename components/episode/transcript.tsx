import Link from 'next/link';
import { CopyLinkButton } from '@/components/ui/copy-link-button';
import { TimeText } from '@/components/ui/time-link';
import type { DocumentDetail } from '@/db/queries/documents';
import { groupByChapter, showSpeaker } from '@/lib/episode/transcript';
import { chapterPath } from '@/lib/episode/urls';
import { SegmentRow, TranscriptSharedProvider, type SegmentRowProps } from './segment-row';

type Segment = DocumentDetail['segments'][number];
type Chapter = DocumentDetail['chapters'][number];

/** Only the props a row needs, and none that are empty: each one is sent to the browser per segment. */
function rowProps(s: Segment, speakerShown: boolean, target: boolean): SegmentRowProps {
  return {
    ordinal: s.ordinal,
    text: s.text,
    ...(s.startSeconds !== null ? { start: s.startSeconds } : {}),
    ...(s.estimated ? { estimated: true } : {}),
    ...(speakerShown && s.speaker ? { speaker: s.speaker, ...(s.speakerSlug ? { speakerSlug: s.speakerSlug } : {}) } : {}),
    ...(target ? { target: true } : {}),
  };
}

function ChapterHeading({ doc, c }: { doc: DocumentDetail; c: Chapter }) {
  const href = chapterPath(doc.slug, c);
  return (
    <h3 id={c.anchor} className="mb-2 mt-10 flex scroll-mt-24 flex-wrap items-baseline gap-x-3 border-t border-zinc-200 pt-6 text-xl font-semibold tracking-tight dark:border-zinc-800">
      <span>{c.title}</span>
      <span className="flex items-center gap-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">
        {c.startSeconds !== null && (
          <Link href={href} prefetch={false} className="text-indigo-700 hover:underline dark:text-indigo-300">
            <TimeText seconds={c.startSeconds} estimated={c.estimated} />
          </Link>
        )}
        <CopyLinkButton path={href} label={`Copy link to chapter “${c.title}”`} />
      </span>
    </h3>
  );
}

/** The whole text: speaker turns with names and times, chapter headings inline, every segment addressable. */
export function Transcript({ doc, targetOrdinal }: { doc: DocumentDetail; targetOrdinal: number | null }) {
  const groups = groupByChapter(doc.chapters, doc.segments);
  const heading = doc.kind === 'brief' ? 'Insights' : doc.kind === 'episode' ? 'Transcript' : 'Text';
  const estimated = doc.segments.some((s) => s.estimated);
  return (
    <section aria-labelledby="transcript-heading" className="min-w-0">
      <h2 id="transcript-heading" className="text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
        {heading}
      </h2>
      {estimated && (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Times marked ≈ are estimated from each word&rsquo;s position in an automatic transcript; they can be off by a few seconds.
        </p>
      )}
      <TranscriptSharedProvider value={{ kind: doc.kind, mediaUrl: doc.mediaUrl }}>
        <div className="mt-4">
          {doc.segments.length === 0 && <p className="text-zinc-600 dark:text-zinc-400">This document has no text.</p>}
          {groups.map((g, gi) => (
            <div key={g.chapter?.id ?? `pre-${gi}`} className="[&:first-child>h3]:mt-0 [&:first-child>h3]:border-t-0 [&:first-child>h3]:pt-0">
              {g.chapter && <ChapterHeading doc={doc} c={g.chapter} />}
              <div className={doc.kind === 'brief' ? 'space-y-3' : ''}>
                {g.segments.map((s, i) => (
                  <SegmentRow key={s.id} {...rowProps(s, showSpeaker(g.segments[i - 1], s), s.ordinal === targetOrdinal)} />
                ))}
              </div>
            </div>
          ))}
        </div>
      </TranscriptSharedProvider>
    </section>
  );
}
