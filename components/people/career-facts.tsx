import type { PersonSummary } from '@/db/queries/people';
import { yearsSince } from '@/lib/episode/time';

/** Biggest role, current company, its size and years in the industry, as a definition list. */
export function CareerFacts({ person }: { person: PersonSummary }) {
  const facts: [string, string][] = [];
  if (person.biggestRole) facts.push(['Biggest role', person.biggestRole]);
  if (person.currentCompany) facts.push(['Current company', person.currentCompany]);
  if (person.companySize) facts.push(['Company size', /^\d+s$/.test(person.companySize) ? `${person.companySize} of people` : person.companySize]);
  if (person.careerStartYear) {
    const years = yearsSince(person.careerStartYear);
    facts.push(['In the industry', `${years} ${years === 1 ? 'year' : 'years'} (since ${person.careerStartYear})`]);
  }
  const roles = [
    person.guestCount > 0 ? `guest in ${person.guestCount}` : null,
    person.hostCount > 0 ? `host of ${person.hostCount}` : null,
  ].filter(Boolean);
  if (roles.length > 0) facts.push(['On Ladder', roles.join(', ')]);
  if (facts.length === 0) return null;
  return (
    <dl className="mt-5 grid max-w-3xl gap-x-8 gap-y-3 sm:grid-cols-2">
      {facts.map(([k, v]) => (
        <div key={k} className="rounded-lg border border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <dt className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{k}</dt>
          <dd className="mt-0.5 font-medium">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
