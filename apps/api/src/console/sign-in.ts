import { eq, sql } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '@sumeru/auth';
import { schema, withTenant } from '@sumeru/db';
import { AppError } from '@sumeru/errors';
import type { ApiDeps } from '../deps';
import { SIGN_IN_LIMITS } from './session-policy';

const WRONG_CREDENTIALS = 'The email or password is incorrect.';

// An unknown email still pays for one scrypt verification, so the answer's timing does not
// tell whether the account exists.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => (dummyHash ??= hashPassword('not-a-real-password'));

const throttle = async (deps: ApiDeps, key: string, policy: { name: string; limit: number; windowSeconds: number }) => {
  const decision = await deps.limiter.consume(key, policy);
  if (!decision.allowed) {
    throw new AppError('rate_limited', 'Too many sign-in attempts. Try again later.', { headers: { 'Retry-After': String(decision.retryAfterSeconds ?? decision.resetSeconds) } });
  }
};

export type SignedInOperator = { id: string; agencyId: string };

/**
 * Email + password. Attempts are counted per account and per IP before the password is
 * checked, for known and unknown emails alike; every failure has the same status and words.
 */
export const verifyOperator = async (deps: ApiDeps, input: { email: string; password: string; ip: string }): Promise<SignedInOperator> => {
  const email = input.email.trim().toLowerCase();
  await throttle(deps, `ip:${input.ip}`, SIGN_IN_LIMITS.perIp);
  await throttle(deps, `account:${email}`, SIGN_IN_LIMITS.perAccount);
  const operator = await withTenant(deps.db, { operatorEmail: email }, async (tx) => {
    const [row] = await tx
      .select({ id: schema.operators.id, agencyId: schema.operators.agencyId, passwordHash: schema.operators.passwordHash })
      .from(schema.operators)
      .where(eq(sql`lower(${schema.operators.email})`, email))
      .limit(1);
    return row ?? null;
  });
  const isValid = await verifyPassword(input.password, operator?.passwordHash ?? (await getDummyHash()));
  if (!operator || !isValid) throw new AppError('unauthenticated', WRONG_CREDENTIALS);
  return { id: operator.id, agencyId: operator.agencyId };
};
