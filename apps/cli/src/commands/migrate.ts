import type { Command } from 'commander';
import { runMigrations } from '@sumeru/db';
import type { CliContext } from '../context';
import { describeUrl, withConnection } from '../database';
import { printResult } from '../output';

export const registerMigrateCommand = (program: Command, context: CliContext): void => {
  program
    .command('migrate')
    .description('apply the database migrations (DATABASE_URL, or the embedded database when unset)')
    .action(async () => {
      await withConnection(context.getConfig(), async ({ url }) => {
        await runMigrations(url);
        printResult(`Migrations applied to ${describeUrl(url)}.`);
      });
    });
};
