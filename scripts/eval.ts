/**
 * `npm run eval`: Ladder's quality on labelled sets read from real passages of
 * ../shared (fixtures in tests/fixtures/eval/ point at file and turn), each
 * printed beside a baseline measured in the same run. Exits 1 when a section
 * misses its target. EVAL_ONLY=name,name runs some sections; EVAL_DB=FILE reuses
 * an imported archive.
 */
import { openEvalArchive } from './eval/archive';
import { evalSections, wanted } from './eval/sections';

async function main(): Promise<void> {
  const sections = evalSections.filter((s) => wanted(s.name));
  if (sections.length === 0) {
    console.log('no evaluation sections to run');
    return;
  }
  const archive = await openEvalArchive();
  let ok = true;
  try {
    for (const section of sections) {
      console.log(`\n===== ${section.name} =====`);
      ok = (await section.run(archive)) && ok;
    }
  } finally {
    archive.ladder.sqlite.close();
  }
  console.log(ok ? '\nall targets met' : '\nsome targets missed');
  if (!ok) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
