import { initTRPC, TRPCError } from '@trpc/server';
import type { CreateExpressContextOptions } from '@trpc/server/adapters/express';
import { eq } from 'drizzle-orm';
import { schema, withTenant, type Tx } from '@sumeru/db';
import { AppError, isAppError } from '@sumeru/errors';
import type { ApiDeps } from '../deps';
import { state } from '../http/request-context';
import { readCookie } from './cookies';
import { CSRF_HEADER, isCsrfTokenValid } from './csrf';
import { describeError, fromInputError, toTrpcError } from './errors';
import { sessionCookieName } from './session-policy';
import { findSession, type ConsoleSession, type OperatorRole } from './sessions';

export const isSecureCookie = (deps: ApiDeps): boolean => deps.config.NODE_ENV === 'production';

export const createContextFactory =
  (deps: ApiDeps) =>
  async ({ req, res }: CreateExpressContextOptions) => {
    const sessionId = readCookie(req.headers.cookie, sessionCookieName(isSecureCookie(deps)));
    const session = sessionId ? await findSession(deps.db, sessionId) : null;
    return { deps, req, res, requestId: state(res).requestId, sessionId: session ? sessionId : null, session };
  };

export type ConsoleContext = Awaited<ReturnType<ReturnType<typeof createContextFactory>>>;

const t = initTRPC.context<ConsoleContext>().create({
  isDev: false,
  errorFormatter: ({ shape, error, ctx }) => {
    const body = describeError(error, ctx?.requestId ?? '');
    return { code: shape.code, message: body.message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path ?? null, error: body } };
  },
});

/** AppErrors keep their code and status; zod input failures become 422 naming the field. */
const mapErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok) return result;
  const appError = isAppError(result.error.cause) ? result.error.cause : fromInputError(result.error);
  if (!appError) {
    if (result.error.code === 'INTERNAL_SERVER_ERROR') state(ctx.res).log.error({ err: result.error.cause ?? result.error }, 'console procedure failed');
    return result;
  }
  for (const [name, value] of Object.entries(appError.headers)) ctx.res.setHeader(name, value);
  throw toTrpcError(appError);
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapErrors);

/** A signed-in operator; mutations also need the CSRF header that matches the session. */
export const authedProcedure = publicProcedure.use(({ ctx, type, next }) => {
  if (!ctx.session || !ctx.sessionId) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (type === 'mutation' && !isCsrfTokenValid(ctx.deps.secret, ctx.sessionId, ctx.req.get(CSRF_HEADER))) {
    throw new AppError('forbidden', 'The CSRF token is missing or does not match the session.', { details: { reason: 'csrf' } });
  }
  return next({ ctx: { ...ctx, session: ctx.session, sessionId: ctx.sessionId } });
});

const WRITE_ROLES: readonly OperatorRole[] = ['owner', 'admin', 'member'];

/** Anything that creates, changes or revokes: viewers are refused here, on the server. */
export const writerProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!WRITE_ROLES.includes(ctx.session.role)) throw new AppError('forbidden', 'Viewers cannot change anything.', { details: { role: ctx.session.role } });
  return next();
});

export const ownerProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.session.role !== 'owner' && ctx.session.role !== 'admin') throw new AppError('forbidden', 'Only owners and admins can do this.', { details: { role: ctx.session.role } });
  return next();
});

/**
 * Runs `fn` in the shop's scope (RLS: that shop's rows only) after checking the shop belongs
 * to the operator's agency; another agency's shop is not found, exactly like an unknown id.
 */
export const inShop = async <T>(session: ConsoleSession, deps: ApiDeps, shopId: string, fn: (tx: Tx, shop: typeof schema.shops.$inferSelect) => Promise<T>): Promise<T> =>
  withTenant(deps.db, { shopId }, async (tx) => {
    const [shop] = await tx.select().from(schema.shops).where(eq(schema.shops.id, shopId)).limit(1);
    if (!shop || shop.agencyId !== session.agencyId) throw new AppError('not_found', 'No such shop.');
    return fn(tx, shop);
  });

export { TRPCError };
