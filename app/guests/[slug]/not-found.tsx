import { NotFoundPanel } from '@/components/layout/not-found-panel';

export default function GuestNotFound() {
  return <NotFoundPanel title="No such person" what="Nobody by this name appears in the library." />;
}
