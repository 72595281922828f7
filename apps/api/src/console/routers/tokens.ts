import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { SCOPE_GROUPS, SCOPES, type Scope } from '@sumeru/auth';
import { issueApiToken, revokeApiToken, schema } from '@sumeru/db';
import { AppError } from '@sumeru/errors';
import { authedProcedure, inShop, router, writerProcedure } from '../trpc';

const t = schema.apiTokens;
const ZShop = z.object({ shopId: z.string().min(1).max(64) });

export const tokensRouter = router({
  /** The scope picker's catalogue and the tiers with their limits. */
  catalogue: authedProcedure.query(({ ctx }) => ({
    scopeGroups: Object.entries(SCOPE_GROUPS).map(([resource, group]) => ({
      resource,
      description: group.description,
      read: 'read' in group ? group.read : null,
      write: 'write' in group ? group.write : null,
    })),
    tiers: Object.values(ctx.deps.tiers).map((tier) => ({ name: tier.name, limit: tier.limit, windowSeconds: tier.windowSeconds })),
  })),

  list: authedProcedure.input(ZShop).query(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
      const rows = await tx.select().from(t).where(eq(t.shopId, input.shopId)).orderBy(desc(t.createdAt), desc(t.id));
      return rows.map((r) => ({
        id: r.id, name: r.name, prefix: r.prefix, lastFour: r.lastFour, scopes: r.scopes, tier: r.tier,
        createdAt: r.createdAt.toISOString(), lastUsedAt: r.lastUsedAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null,
      }));
    }),
  ),

  /** The secret is in this response and nowhere else, ever. */
  create: writerProcedure
    .input(ZShop.extend({
      name: z.string().trim().min(1).max(120),
      scopes: z.array(z.enum(SCOPES)).min(1).max(SCOPES.length),
      tier: z.enum(schema.TOKEN_TIERS).default('free'),
    }))
    .mutation(({ ctx, input }) =>
      inShop(ctx.session, ctx.deps, input.shopId, async (tx, shop) => {
        const scopes = [...new Set(input.scopes)] as Scope[];
        const issued = await issueApiToken(tx, { shopId: shop.id, agencyId: shop.agencyId, name: input.name, scopes, tier: input.tier });
        return { id: issued.id, secret: issued.token, prefix: issued.prefix, lastFour: issued.lastFour };
      }),
    ),

  revoke: writerProcedure.input(ZShop.extend({ tokenId: z.string().min(1).max(64) })).mutation(async ({ ctx, input }) => {
    const revoked = await inShop(ctx.session, ctx.deps, input.shopId, (tx) => revokeApiToken(tx, input.tokenId));
    if (!revoked) throw new AppError('not_found', 'No such active token.');
    // This replica stops accepting it now; others within the token cache's ≤ 1 s.
    ctx.deps.tokens.clear();
    return { id: input.tokenId, revoked: true };
  }),
});
