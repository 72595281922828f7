import { InvalidArgumentError, Option, type Command } from 'commander';
import { parseScopes, type Scope } from '@sumeru/auth';
import { findShop, issueApiToken, schema, withShop, type TokenTier } from '@sumeru/db';
import type { CliContext } from '../context';
import { withConnection } from '../database';
import { CliError, printResult } from '../output';

type CreateOptions = { shop: string; scopes: Scope[]; tier: TokenTier; name: string; json?: boolean };

// Checked while parsing, so a typo fails before any database is touched.
const parseScopeList = (value: string): Scope[] => {
  const parsed = parseScopes(value);
  if ('unknown' in parsed) throw new InvalidArgumentError(`unknown scope ${parsed.unknown.join(', ')}.`);
  if (parsed.scopes.length === 0) throw new InvalidArgumentError('name at least one scope.');
  return parsed.scopes;
};

export const registerTokenCreateCommand = (token: Command, context: CliContext): void => {
  token
    .command('create')
    .description('issue an admin API token for a shop; the secret is printed once')
    .requiredOption('--shop <shop_id>', 'the shop the token belongs to')
    .requiredOption('--scopes <list>', 'comma-separated scopes, or * for all', parseScopeList)
    .addOption(new Option('--tier <tier>', 'rate-limit tier').choices(schema.TOKEN_TIERS).default('free'))
    .option('--name <name>', 'a label shown in the console', 'CLI token')
    .option('--json', 'print {"id","token"} as JSON')
    .action(async (options: CreateOptions) => {
      const issued = await withConnection(context.getConfig(), async ({ db }) => {
        // findShop reads under RLS with the shop as tenant: an unknown id is simply not found.
        const shop = await findShop(db, options.shop);
        if (!shop) throw new CliError(`shop not found: ${options.shop}`);
        return withShop(db, shop.id, (tx) =>
          issueApiToken(tx, { shopId: shop.id, agencyId: shop.agencyId, name: options.name, scopes: options.scopes, tier: options.tier }),
        );
      });
      if (options.json) {
        printResult(JSON.stringify({ id: issued.id, token: issued.token }));
        return;
      }
      printResult(
        [
          `Created token ${issued.id} (${options.tier}) for ${options.shop}: ${options.scopes.join(', ')}`,
          `Secret, shown only now: ${issued.token}`,
        ].join('\n'),
      );
    });
};
