import { NotFoundPanel } from '@/components/layout/not-found-panel';

export default function TopicNotFound() {
  return <NotFoundPanel title="No such topic" what="This topic is not in Ladder’s taxonomy." />;
}
