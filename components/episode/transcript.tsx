import Link from 'next/link';
import { CopyLinkButton } from '@/components/ui/copy-link-button';
import { MediaLink, TimeText } from '@/components/ui/time-link';
import { TextBlock } from '@/components/ui/text-block';
import type { DocumentDetail } from '@/db/queries/documents';
import { timeLabel } from '@/lib/episode/time';
import { groupByChapter, showSpeaker } from '@/lib/episode/transcript';
import { chapterPath, momentPath, segmentAnchor } from '@/lib/episode/urls';

type Segment = DocumentDetail['segments'][number];
type Chapter = DocumentDetail['chapters'][number];

/**
 * One segment. Kept lean on purpose (component classes from globals.css, plain
 * anchors, a sprite icon): an auto-captioned episode has hundreds of them. The
 * time link carries the segment anchor too, so it lands there even without JS.
 */
function SegmentItem({ doc, s, speakerShown, target }: { doc: DocumentDetail; s: Segment; speakerShown: boolean; target: boolean }) {
  const share = momentPath(doc.slug, s);
  const timed = s.startSeconds !== null;
  const label = timed ? timeLabel(s.startSeconds!, s.estimated) : null;
  return (
    <div
      id={segmentAnchor(s.ordinal)}
      data-ordinal={s.ordinal}
      data-start={s.startSeconds ?? undefined}
      data-target={target ? 'true' : undefined}
      aria-current={target ? 'true' : undefined}
      className={target ? 'segment segment-target' : 'segment'}
    >
      <div className="seg-meta">
        {speakerShown && s.speaker && (
          <span className="seg-speaker">
            {s.speakerSlug ? (
              <Link href={`/guests/${s.speakerSlug}`} className="hover:underline">
                {s.speaker}
              </Link>
            ) : (
              s.speaker
            )}
          </span>
        )}
        {timed && (
          <a className="seg-time" href={`${share}#${segmentAnchor(s.ordinal)}`} data-moment="" aria-label={s.estimated ? `About ${label!.slice(2)}, estimated` : undefined}>
            {label}
          </a>
        )}
        {!timed && (
          <a className="seg-time" href={`#${segmentAnchor(s.ordinal)}`}>
            {doc.kind === 'brief' ? `Insight ${s.ordinal + 1}` : `¶ ${s.ordinal + 1}`}
          </a>
        )}
        {timed && <MediaLink mediaUrl={doc.mediaUrl} seconds={s.startSeconds} />}
        <CopyLinkButton path={share} label={timed ? `Copy link to ${label!.replace("≈ ", "")}` : `Copy link to paragraph ${s.ordinal + 1}`} />
      </div>
      <div className="seg-text">
        <TextBlock text={s.text} className="" />
      </div>
    </div>
  );
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
      <div className="mt-4">
        {doc.segments.length === 0 && <p className="text-zinc-600 dark:text-zinc-400">This document has no text.</p>}
        {groups.map((g, gi) => (
          <div key={g.chapter?.id ?? `pre-${gi}`} className="[&:first-child>h3]:mt-0 [&:first-child>h3]:border-t-0 [&:first-child>h3]:pt-0">
            {g.chapter && <ChapterHeading doc={doc} c={g.chapter} />}
            <div className={doc.kind === 'brief' ? 'space-y-3' : ''}>
              {g.segments.map((s, i) => (
                <SegmentItem key={s.id} doc={doc} s={s} speakerShown={showSpeaker(g.segments[i - 1], s)} target={s.ordinal === targetOrdinal} />
              ))}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
