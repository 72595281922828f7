import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { revokeApiToken, schema, withShop, type Database } from '@sumeru/db';
import type { CliContext } from '../context';
import { withConnection } from '../database';
import { CliError, printResult } from '../output';

type RevokeOptions = { shop?: string; json?: boolean };

/**
 * Maintenance lookup: the CLI is not told the token's shop, and RLS shows no token until a
 * shop is set. So this one read runs on the bare owner connection, and needs a database user
 * that bypasses RLS (a superuser, as in the embedded default and CI); otherwise pass --shop.
 */
const findTokenShop = async (db: Database, tokenId: string): Promise<string | null> => {
  const [row] = await db.$client<{ shop_id: string }[]>`select shop_id from api_tokens where id = ${tokenId}`;
  return row?.shop_id ?? null;
};

/** Revokes inside the shop's tenant transaction; an already revoked token reports when it was. */
const revokeInShop = (db: Database, shopId: string, tokenId: string) =>
  withShop(db, shopId, async (tx) => {
    if (await revokeApiToken(tx, tokenId)) return { revokedAt: new Date(), isNew: true };
    const [row] = await tx.select({ revokedAt: schema.apiTokens.revokedAt }).from(schema.apiTokens).where(eq(schema.apiTokens.id, tokenId));
    return row?.revokedAt ? { revokedAt: row.revokedAt, isNew: false } : null;
  });

export const registerTokenRevokeCommand = (token: Command, context: CliContext): void => {
  token
    .command('revoke')
    .description('revoke an admin API token at once')
    .argument('<token_id>', 'the token id (tok_…)')
    .option('--shop <shop_id>', "the token's shop; skips the lookup that needs an RLS-bypassing database user")
    .option('--json', 'print {"id","revoked_at"} as JSON')
    .action(async (tokenId: string, options: RevokeOptions) => {
      const result = await withConnection(context.getConfig(), async ({ db }) => {
        const shopId = options.shop ?? (await findTokenShop(db, tokenId));
        return shopId ? revokeInShop(db, shopId, tokenId) : null;
      });
      if (!result) throw new CliError(`token not found: ${tokenId}`);
      if (options.json) printResult(JSON.stringify({ id: tokenId, revoked_at: result.revokedAt.toISOString() }));
      else if (result.isNew) printResult(`Revoked ${tokenId}.`);
      else printResult(`${tokenId} was already revoked at ${result.revokedAt.toISOString()}.`);
    });
};
