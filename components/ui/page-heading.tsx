/** The h1 of a page with an optional eyebrow line above and a lead paragraph below. */
export function PageHeading({ eyebrow, title, lead, children }: { eyebrow?: React.ReactNode; title: string; lead?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <header className="mb-8">
      {eyebrow && <div className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">{eyebrow}</div>}
      <h1 className="text-balance text-3xl font-semibold tracking-tight sm:text-4xl">{title}</h1>
      {lead && <p className="mt-3 max-w-[68ch] text-lg leading-relaxed text-zinc-700 dark:text-zinc-300">{lead}</p>}
      {children}
    </header>
  );
}

/** A section with a visible h2; `id` lets the heading name the region for screen readers. */
export function Section({ id, title, aside, children, className = '' }: { id: string; title: string; aside?: React.ReactNode; children: React.ReactNode; className?: string }) {
  return (
    <section aria-labelledby={`${id}-heading`} className={`mt-12 ${className}`}>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-xl font-semibold tracking-tight">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
