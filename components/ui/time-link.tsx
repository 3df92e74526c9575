import Link from 'next/link';
import { timeLabel } from '@/lib/episode/time';
import { mediaUrlAt } from '@/lib/episode/urls';

export const ESTIMATED_NOTE = 'Estimated from the word position in an automatic transcript';

/** A time as text, "≈" and a tooltip when it is estimated; screen readers hear "about". */
export function TimeText({ seconds, estimated }: { seconds: number; estimated: boolean }) {
  const label = timeLabel(seconds, estimated);
  if (!estimated) return <span className="tabular-nums">{label}</span>;
  return (
    <span className="tabular-nums" title={ESTIMATED_NOTE} data-estimated="true">
      <span aria-hidden="true">{label}</span>
      <span className="sr-only">about {label.replace('≈ ', '')} (estimated)</span>
    </span>
  );
}

/** A link to a moment in Ladder showing its time; soft navigation keeps the reader where they are. */
export function TimeLink({ href, seconds, estimated, className = '' }: { href: string; seconds: number; estimated: boolean; className?: string }) {
  return (
    <Link href={href} prefetch={false} scroll={false} className={`font-medium tabular-nums text-indigo-700 hover:underline dark:text-indigo-300 ${className}`}>
      <TimeText seconds={seconds} estimated={estimated} />
    </Link>
  );
}

/** The same second in the original media (YouTube `&t=NNs`), when the document has a media URL. */
export function MediaLink({ mediaUrl, seconds }: { mediaUrl: string | null; seconds: number | null }) {
  if (!mediaUrl || seconds === null) return null;
  const href = mediaUrlAt(mediaUrl, seconds);
  if (!href) return null;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      data-media-link=""
      className="media-link"
    >
      Play<span className="sr-only"> in the original media (opens a new tab)</span>
    </a>
  );
}
