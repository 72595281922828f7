import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { issuePublishableKey, schema } from '@sumeru/db';
import { AppError } from '@sumeru/errors';
import { authedProcedure, inShop, router, writerProcedure } from '../trpc';

const k = schema.publishableKeys;
const ZShop = z.object({ shopId: z.string().min(1).max(64) });

/**
 * A storefront origin: scheme + host (+ port), nothing else, exactly as browsers send it in
 * Origin. https only, except http for localhost during development.
 */
export const ZOrigin = z.string().trim().max(300).transform((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `${value} is not a URL` });
    return z.NEVER;
  }
  const isLocal = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocal)) ctx.addIssue({ code: 'custom', message: `${value} must use https (http only for localhost)` });
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) ctx.addIssue({ code: 'custom', message: `${value} must be an origin only, e.g. https://shop.example.com` });
  if (url.hostname.includes('*')) ctx.addIssue({ code: 'custom', message: 'wildcards are not allowed' });
  return url.origin;
});

const serialize = (r: typeof k.$inferSelect) => ({ id: r.id, key: r.key, allowedOrigins: r.allowedOrigins, createdAt: r.createdAt.toISOString(), revokedAt: r.revokedAt?.toISOString() ?? null });

export const keysRouter = router({
  list: authedProcedure.input(ZShop).query(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => (await tx.select().from(k).where(eq(k.shopId, input.shopId)).orderBy(desc(k.createdAt))).map(serialize)),
  ),

  create: writerProcedure.input(ZShop).mutation(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, (tx, shop) => issuePublishableKey(tx, { shopId: shop.id, agencyId: shop.agencyId })),
  ),

  setOrigins: writerProcedure
    .input(ZShop.extend({ keyId: z.string().min(1).max(64), origins: z.array(ZOrigin).max(50) }))
    .mutation(({ ctx, input }) =>
      inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
        const [row] = await tx.update(k).set({ allowedOrigins: [...new Set(input.origins)], updatedAt: new Date() }).where(eq(k.id, input.keyId)).returning();
        if (!row) throw new AppError('not_found', 'No such publishable key.');
        return serialize(row);
      }),
    ),

  revoke: writerProcedure.input(ZShop.extend({ keyId: z.string().min(1).max(64) })).mutation(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
      const [row] = await tx.update(k).set({ revokedAt: new Date(), updatedAt: new Date() }).where(eq(k.id, input.keyId)).returning();
      if (!row) throw new AppError('not_found', 'No such publishable key.');
      return serialize(row);
    }),
  ),
});
