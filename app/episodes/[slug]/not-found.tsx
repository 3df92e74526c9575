import Link from 'next/link';

export default function EpisodeNotFound() {
  return (
    <section>
      <h1 className="mb-2 text-2xl font-semibold">No such episode</h1>
      <p>
        There is no document at this address. <Link href="/">Browse all career stories</Link>.
      </p>
    </section>
  );
}
