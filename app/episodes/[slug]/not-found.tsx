import { NotFoundPanel } from '@/components/layout/not-found-panel';

export default function EpisodeNotFound() {
  return <NotFoundPanel title="No such episode" what="There is no episode, brief or article at this address." />;
}
