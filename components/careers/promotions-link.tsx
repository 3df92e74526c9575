import Link from 'next/link';
import { countPromotionStories } from '@/db/queries/moments';

/** A way into /promotions from the home page and the promotions topic, when there are stories to show. */
export function PromotionsLink({ topicSlug }: { topicSlug?: string }) {
  if (topicSlug !== undefined && topicSlug !== 'promotions') return null;
  const { stories, people } = countPromotionStories();
  if (stories === 0) return null;
  return (
    <p className="mt-4 max-w-3xl rounded-xl border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-950 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-100">
      <Link href="/promotions" className="font-semibold underline underline-offset-2">
        Promotions by level
      </Link>
      : {stories} promotion {stories === 1 ? 'story' : 'stories'} from {people} {people === 1 ? 'guest' : 'guests'}, by the level they went from and to, across companies.
    </p>
  );
}
