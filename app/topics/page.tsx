import type { Metadata } from 'next';
import { TopicCard } from '@/components/topics/topic-card';
import { PageHeading } from '@/components/ui/page-heading';
import { listTopics } from '@/db/queries/topics';

export const metadata: Metadata = {
  title: 'Topics',
  description: 'Promotions, PIPs, performance reviews, manager vs IC, layoffs, leaving big tech, tokenmaxxing: the chapters and quotes about each.',
  alternates: { canonical: '/topics' },
  openGraph: { title: 'Topics · Ladder', url: '/topics' },
};

export default function TopicsPage() {
  const topics = listTopics();
  return (
    <>
      <PageHeading title="Topics" lead="The career questions engineers ask most, with every chapter about each and the sentences where people say it." />
      {topics.length === 0 ? (
        <p className="text-zinc-700 dark:text-zinc-300">No topics yet: they come from content/topics.yaml when you import.</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {topics.map((t) => (
            <TopicCard key={t.slug} topic={t} />
          ))}
        </div>
      )}
    </>
  );
}
