import { z } from 'zod';
import { serializeCookie, readCookie } from '../cookies';
import { csrfTokenFor } from '../csrf';
import { SESSION_POLICY, sessionCookieName } from '../session-policy';
import { createSession, deleteSession, findSession, type ConsoleSession } from '../sessions';
import { verifyOperator } from '../sign-in';
import { authedProcedure, isSecureCookie, publicProcedure, router } from '../trpc';

const describeSession = (session: ConsoleSession, csrfToken: string) => ({
  operator: { id: session.operatorId, email: session.email, name: session.name, role: session.role },
  agency: { id: session.agencyId, name: session.agencyName },
  csrfToken,
  canWrite: session.role !== 'viewer',
});

export const sessionRouter = router({
  /** Null when signed out, so the console can decide what to show without an error. */
  me: publicProcedure.query(({ ctx }) => (ctx.session && ctx.sessionId ? describeSession(ctx.session, csrfTokenFor(ctx.deps.secret, ctx.sessionId)) : null)),

  signIn: publicProcedure
    .input(z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1024) }))
    .mutation(async ({ ctx, input }) => {
      const operator = await verifyOperator(ctx.deps, { email: input.email, password: input.password, ip: ctx.req.ip ?? 'unknown' });
      const cookieName = sessionCookieName(isSecureCookie(ctx.deps));
      const id = await createSession(ctx.deps.db, operator, readCookie(ctx.req.headers.cookie, cookieName));
      ctx.res.appendHeader('Set-Cookie', serializeCookie(cookieName, id, { secure: isSecureCookie(ctx.deps), maxAgeSeconds: SESSION_POLICY.absoluteSeconds }));
      const session = await findSession(ctx.deps.db, id);
      return describeSession(session!, csrfTokenFor(ctx.deps.secret, id));
    }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    await deleteSession(ctx.deps.db, ctx.sessionId);
    ctx.res.appendHeader('Set-Cookie', serializeCookie(sessionCookieName(isSecureCookie(ctx.deps)), '', { secure: isSecureCookie(ctx.deps), maxAgeSeconds: 0 }));
    return { signedOut: true };
  }),
});
