import { CopyLinkButton } from '@/components/ui/copy-link-button';
import { RovingFocus } from '@/components/ui/roving-focus';
import { TimeText } from '@/components/ui/time-link';
import type { DocumentDetail } from '@/db/queries/documents';
import { chapterPath } from '@/lib/episode/urls';

/** Marks a chapter Ladder made itself, so nobody takes it for the source's. */
function AutoMark() {
  return (
    <span
      data-generated-chapter=""
      title="Chapter made by Ladder from the transcript, not by the source"
      className="ml-1.5 rounded bg-zinc-100 px-1 py-px align-middle text-[10px] font-medium uppercase tracking-wide text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
    >
      auto
    </span>
  );
}

/**
 * The chapters with their times and topics; sticky beside the transcript on
 * wide screens. One tab stop (arrow keys move through it), so a long list
 * does not stand between the keyboard and the transcript. The current
 * chapter is marked with aria-current, which the page moves as the reader
 * follows time links or the player. Plain links: on this page the moment
 * controller handles them without a trip to the server.
 */
export function ChapterList({ doc, currentChapterId, topicNames }: { doc: DocumentDetail; currentChapterId: number | null; topicNames: Map<string, string> }) {
  if (doc.chapters.length === 0) return null;
  const allGenerated = doc.chapters.every((c) => c.generated);
  return (
    <nav aria-labelledby="chapters-heading" data-chapter-list="" className="relative max-h-80 overflow-y-auto rounded-xl border border-zinc-200 p-3 lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:rounded-none lg:border-0 lg:p-0 lg:pr-2 dark:border-zinc-800">
      <h2 id="chapters-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
        Chapters
      </h2>
      {allGenerated && <p className="-mt-2 mb-2 text-xs text-zinc-600 dark:text-zinc-400">Made by Ladder from the transcript</p>}
      <RovingFocus rows="li">
        <ol className="space-y-0.5 text-sm">
          {doc.chapters.map((c) => {
            const current = c.id === currentChapterId;
            const href = chapterPath(doc.slug, c);
            return (
              <li key={c.id} className="chapter-item group flex items-start gap-1 rounded-md">
                <a
                  href={href}
                  data-moment=""
                  data-chapter-start={c.startSeconds ?? undefined}
                  aria-current={current ? 'location' : undefined}
                  className="chapter-link flex min-w-0 flex-1 gap-2 rounded-md px-2 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
                >
                  {c.startSeconds !== null && (
                    <span className="w-16 shrink-0 text-right text-zinc-600 dark:text-zinc-400">
                      <TimeText seconds={c.startSeconds} estimated={c.estimated} />
                    </span>
                  )}
                  <span className="min-w-0 flex-1">
                    <span className="chapter-title block font-medium text-zinc-900 dark:text-zinc-100">
                      {c.title}
                      {c.generated && <AutoMark />}
                    </span>
                    {c.topics.length > 0 && (
                      <span className="block text-xs text-zinc-600 dark:text-zinc-400">{c.topics.map((t) => topicNames.get(t) ?? t).join(' · ')}</span>
                    )}
                  </span>
                </a>
                <span className="shrink-0 pt-1">
                  <CopyLinkButton path={href} label={`Copy link to chapter “${c.title}”`} />
                </span>
              </li>
            );
          })}
        </ol>
      </RovingFocus>
    </nav>
  );
}
