import { runImportCommand } from './commands/import';
import { runShowCommand } from './commands/show';
import { runStatsCommand } from './commands/stats';

const USAGE = `usage: ladder <command> [options]
  import [FOLDER|FILE ...] [--db FILE] [--json]   import transcripts (default: LADDER_CONTENT or content/)
  show SLUG [--db FILE] [--json]                   print one document
  stats [--db FILE] [--json]                       row counts per table
  search "QUERY" [--topic T] [--guest G] [--show S] [--speaker P] [--kind K] [--limit N] [--offset N] [--db FILE] [--json]
  moments [--company C] [--from LEVEL] [--to LEVEL] [--kind K] [--track T] [--took T] [--guest G] [--db FILE] [--json]`;


async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'import':
        return await runImportCommand(rest);
      case 'show':
        return await runShowCommand(rest);
      case 'stats':
        return await runStatsCommand(rest);
      case 'search': {
        const { runSearchCommand } = await import('./commands/search');
        return await runSearchCommand(rest);
      }
      case 'moments': {
        const { runMomentsCommand } = await import('./commands/moments');
        return await runMomentsCommand(rest);
      }
      case undefined:
      case '--help':
      case '-h':
        console.error(USAGE);
        return command ? 0 : 2;
      default:
        console.error(`ladder: unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`ladder ${command}: ${err.message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`ladder: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
