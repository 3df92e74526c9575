/**
 * One import in a process of its own, as `ladder import` runs it, so its wall
 * time, CPU time and peak RSS are its own. argv: DB FOLDER. Prints one JSON line.
 */
import { importPaths } from '@/db/import/run-import';

async function main(): Promise<void> {
  const [db, folder] = process.argv.slice(2) as [string, string];
  const cpu = process.cpuUsage();
  const t = performance.now();
  const report = await importPaths({ paths: [folder], dbPath: db });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const statuses: Record<string, number> = {};
  for (const d of report.documents) statuses[d.status] = (statuses[d.status] ?? 0) + 1;
  process.stdout.write(
    `${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, failed: report.failed.length, duplicates: report.duplicates.length, segments: report.totals.segments, statuses, warnings: report.warnings.map((w) => w.message) })}\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
