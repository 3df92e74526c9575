'use client';

import Link from 'next/link';
import { createContext, useContext } from 'react';
import { CopyLinkButton } from '@/components/ui/copy-link-button';
import { MediaLink } from '@/components/ui/time-link';
import { paragraphRuns, type SegmentRowData } from '@/lib/episode/rows';
import { sentenceAttr, sentenceTimes } from '@/lib/episode/sentence-times';
import { timeLabel } from '@/lib/episode/time';
import { momentHref, segmentAnchor } from '@/lib/episode/urls';

/** What every row of one transcript shares, given once rather than per row. */
export interface TranscriptShared {
  kind: 'episode' | 'brief' | 'article' | 'note';
  mediaUrl: string | null;
}

const Shared = createContext<TranscriptShared>({ kind: 'episode', mediaUrl: null });

export function TranscriptSharedProvider({ value, children }: { value: TranscriptShared; children: React.ReactNode }) {
  return <Shared.Provider value={value}>{children}</Shared.Provider>;
}

export type SegmentRowProps = SegmentRowData;

/**
 * One segment, rendered on the server like any component and hydrated in the
 * browser. A client component on purpose: React sends a server component's
 * output to the browser a second time as its element tree, about 700 bytes of
 * markup per segment, where a client component's props are just its data; on
 * an auto-captioned episode of 339 segments that halved the inline payload.
 * The same component renders the parts fetched later. Each sentence of a
 * timed segment is a span carrying its start (`data-t`), so a deep link and
 * the player can highlight the sentence being spoken.
 */
export function SegmentRow({ ordinal, start, end, estimated = false, speaker, speakerSlug, text, marks, target = false, targetSentence }: SegmentRowProps) {
  const { kind, mediaUrl } = useContext(Shared);
  const anchor = segmentAnchor(ordinal);
  const timed = start !== undefined;
  const label = timed ? timeLabel(start, estimated) : null;
  const share = momentHref({ ordinal, startSeconds: start ?? null });
  const sentences = timed ? sentenceTimes({ text, startSeconds: start, estimated, endSeconds: end ?? null, marks }) : [];
  return (
    <div
      id={anchor}
      data-ordinal={ordinal}
      data-start={start}
      data-end={sentences.length > 0 ? Math.round(sentences.at(-1)!.endSeconds * 10) / 10 : undefined}
      data-target={target ? 'true' : undefined}
      aria-current={target ? 'true' : undefined}
      className={target ? 'segment segment-target' : 'segment'}
    >
      <div className="seg-meta">
        {speaker && (
          <span className="seg-speaker">
            {speakerSlug ? (
              <Link href={`/guests/${speakerSlug}`} prefetch={false} className="hover:underline">
                {speaker}
              </Link>
            ) : (
              speaker
            )}
          </span>
        )}
        {timed ? (
          <a className="seg-time" href={`${share}#${anchor}`} data-moment="" aria-label={estimated ? `About ${label!.slice(2)}, estimated` : undefined}>
            {label}
          </a>
        ) : (
          <a className="seg-time" href={share}>
            {kind === 'brief' ? `Insight ${ordinal + 1}` : `¶ ${ordinal + 1}`}
          </a>
        )}
        {timed && <MediaLink mediaUrl={mediaUrl} seconds={start} />}
        <CopyLinkButton path={share} label={timed ? `Copy link to ${label!.replace('≈ ', '')}` : `Copy link to paragraph ${ordinal + 1}`} />
      </div>
      <div className="seg-text">
        {paragraphRuns(text, sentences).map((runs, i) => (
          <p key={i}>
            {runs.map((r, j) =>
              typeof r === 'string' ? (
                r
              ) : (
                <span key={j} data-t={sentenceAttr(sentences[r.sentence]!.startSeconds)} className={target && r.sentence === targetSentence ? 'sen-target' : undefined}>
                  {r.text}
                </span>
              ),
            )}
          </p>
        ))}
      </div>
    </div>
  );
}
