/** What a fresh install shows instead of an empty page: how to get stories in. */
export function EmptyLibrary() {
  return (
    <section aria-labelledby="empty-heading" className="rounded-xl border border-dashed border-zinc-300 p-6 dark:border-zinc-700">
      <h2 id="empty-heading" className="text-xl font-semibold">The library is empty</h2>
      <p className="mt-2 max-w-[65ch] text-zinc-700 dark:text-zinc-300">
        Ladder reads transcripts (podcast front-matter transcripts, YouTube summaries and captions, SRT/VTT, insight briefs, articles) from folders
        you point it at, and keeps them in SQLite. Import some, then reload this page:
      </p>
      <pre className="mt-4 overflow-x-auto rounded-lg bg-zinc-900 p-4 text-sm text-zinc-100">
        <code>{`npm run --silent ladder -- import path/to/transcripts content`}</code>
      </pre>
      <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
        <code>content/</code> holds the topic taxonomy and a few samples. The server reads the database named by <code>LADDER_DB</code> (default{' '}
        <code>data/ladder.db</code>); pass the same file to the importer with <code>--db</code>.
      </p>
    </section>
  );
}
