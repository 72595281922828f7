import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { hashPassword, randomBase62 } from '@sumeru/auth';
import { schema, withAgency } from '@sumeru/db';
import { newId } from '@sumeru/domain';
import { AppError } from '@sumeru/errors';
import { authedProcedure, ownerProcedure, router } from '../trpc';

const o = schema.operators;

export const operatorsRouter = router({
  list: authedProcedure.query(({ ctx }) =>
    withAgency(ctx.deps.db, ctx.session.agencyId, async (tx) =>
      (await tx.select({ id: o.id, email: o.email, name: o.name, role: o.role, createdAt: o.createdAt }).from(o).orderBy(asc(o.createdAt))).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    ),
  ),

  /**
   * Owners and admins invite operators. There is no mailer yet, so the invite is a one-time
   * password shown once to the inviter, to hand over out of band.
   */
  invite: ownerProcedure
    .input(z.object({ email: z.email().max(320), name: z.string().trim().min(1).max(120), role: z.enum(schema.OPERATOR_ROLES) }))
    .mutation(async ({ ctx, input }) => {
      if (input.role === 'owner' && ctx.session.role !== 'owner') throw new AppError('forbidden', 'Only an owner can invite another owner.');
      const password = randomBase62(20);
      const passwordHash = await hashPassword(password);
      const id = newId('operator');
      try {
        await withAgency(ctx.deps.db, ctx.session.agencyId, (tx) => tx.insert(o).values({ id, agencyId: ctx.session.agencyId, email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash }));
      } catch (err) {
        const code = (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
        if (code === '23505') throw new AppError('conflict', 'An operator with this email already exists.', { details: { field: 'email' } });
        throw err;
      }
      return { id, email: input.email.toLowerCase(), temporaryPassword: password };
    }),
});
