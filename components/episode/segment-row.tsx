'use client';

import Link from 'next/link';
import { createContext, useContext } from 'react';
import { CopyLinkButton } from '@/components/ui/copy-link-button';
import { MediaLink } from '@/components/ui/time-link';
import { TextBlock } from '@/components/ui/text-block';
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

export interface SegmentRowProps {
  ordinal: number;
  start?: number;
  estimated?: boolean;
  /** the speaker's name, only on the first segment of a turn */
  speaker?: string;
  speakerSlug?: string;
  text: string;
  target?: boolean;
}

/**
 * One segment, rendered on the server like any component and hydrated in the
 * browser. A client component on purpose: React sends a server component's
 * output to the browser a second time as its element tree, about 700 bytes of
 * markup per segment, where a client component's props are just its data; on
 * an auto-captioned episode of 339 segments that halved the inline payload.
 * Links are relative to the page (`?t=195#seg-10`), so the slug is not repeated
 * in every row; the copy button resolves them against the page's address.
 */
export function SegmentRow({ ordinal, start, estimated = false, speaker, speakerSlug, text, target = false }: SegmentRowProps) {
  const { kind, mediaUrl } = useContext(Shared);
  const anchor = segmentAnchor(ordinal);
  const timed = start !== undefined;
  const label = timed ? timeLabel(start, estimated) : null;
  const share = momentHref({ ordinal, startSeconds: start ?? null });
  return (
    <div id={anchor} data-ordinal={ordinal} data-start={start} data-target={target ? 'true' : undefined} aria-current={target ? 'true' : undefined} className={target ? 'segment segment-target' : 'segment'}>
      <div className="seg-meta">
        {speaker && (
          <span className="seg-speaker">
            {speakerSlug ? (
              <Link href={`/guests/${speakerSlug}`} className="hover:underline">
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
        <TextBlock text={text} className="" />
      </div>
    </div>
  );
}
