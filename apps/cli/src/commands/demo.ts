import type { Command } from 'commander';
import { resolvePlatformSecret } from '@sumeru/config';
import { runMigrations } from '@sumeru/db';
import { seedDemo, type DemoResult } from '@sumeru/demo';
import type { CliContext } from '../context';
import { describeUrl, withConnection } from '../database';
import { logProgress, printJson, printResult } from '../output';

const formatSummary = (demo: DemoResult): string =>
  [
    `Demo agency ${demo.agency.name} (${demo.agency.id})`,
    `Console login: ${demo.operator.email}  password: ${demo.operator.password}`,
    ...demo.shops.flatMap((shop) => [
      '',
      `${shop.name} (${shop.id})`,
      `  admin token (every scope, enterprise): ${shop.admin_token}`,
      `  publishable key:                       ${shop.publishable_key}`,
      `  Shopify webhook secret:                ${shop.shopify_webhook_secret}`,
      `  WhatsApp verify token:                 ${shop.whatsapp_verify_token}`,
    ]),
    '',
    'The password and secrets are shown only now: only their hashes or sealed copies are stored.',
  ].join('\n');

export const registerDemoCommand = (program: Command, context: CliContext): void => {
  program
    .command('demo')
    .description('migrate, then seed a demo agency with two shops, and print its login and secrets')
    .option('--json', 'print the result as one JSON document on stdout')
    .action(async (options: { json?: boolean }) => {
      const config = context.getConfig();
      await withConnection(config, async ({ url, db }) => {
        logProgress(`Migrating ${describeUrl(url)}…`);
        await runMigrations(url);
        logProgress('Seeding the demo agency…');
        const started = Date.now();
        const demo = await seedDemo(db, { platformSecret: resolvePlatformSecret(config) });
        logProgress(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        if (options.json) printJson(demo);
        else printResult(formatSummary(demo));
      });
    });
};
