import { randomBytes } from 'node:crypto';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import { hashSecret } from '@sumeru/auth';
import { schema, withAgency, withTenant, type Database, type Tx } from '@sumeru/db';
import { SESSION_POLICY } from './session-policy';

export type OperatorRole = (typeof schema.OPERATOR_ROLES)[number];

export type ConsoleSession = {
  sessionHash: string;
  operatorId: string;
  agencyId: string;
  agencyName: string;
  email: string;
  name: string;
  role: OperatorRole;
};

const s = schema.operatorSessions;

/** Lets this transaction see exactly the session whose cookie hashes to `hash` (RLS). */
const selectSessionByHash = (tx: Tx, hash: string) => tx.execute(sql`select set_config('app.session_hash', ${hash}, true)`);

/** 128 random bits for the cookie; the row keeps only their SHA-256. */
export const createSession = async (db: Database, operator: { id: string; agencyId: string }, previousId: string | null): Promise<string> => {
  const id = randomBytes(16).toString('base64url');
  const now = Date.now();
  await withAgency(db, operator.agencyId, async (tx) => {
    // Rotation: whatever session the browser held before signing in is gone afterwards.
    if (previousId) await tx.delete(s).where(eq(s.sessionHash, hashSecret(previousId)));
    // Housekeeping: the agency's dead sessions (RLS keeps this to the agency).
    await tx.delete(s).where(and(eq(s.agencyId, operator.agencyId), or(lt(s.expiresAt, new Date(now)), lt(s.lastSeenAt, new Date(now - SESSION_POLICY.idleSeconds * 1000)))));
    await tx.insert(s).values({
      sessionHash: hashSecret(id),
      agencyId: operator.agencyId,
      operatorId: operator.id,
      expiresAt: new Date(now + SESSION_POLICY.absoluteSeconds * 1000),
    });
  });
  return id;
};

/** The live session for a cookie value, or null (unknown, idle too long or past its absolute end). */
export const findSession = async (db: Database, id: string): Promise<ConsoleSession | null> => {
  const hash = hashSecret(id);
  return withTenant(db, {}, async (tx) => {
    await selectSessionByHash(tx, hash);
    const [row] = await tx.select().from(s).where(eq(s.sessionHash, hash)).limit(1);
    if (!row) return null;
    const now = Date.now();
    if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + SESSION_POLICY.idleSeconds * 1000 <= now) {
      await tx.delete(s).where(eq(s.sessionHash, hash));
      return null;
    }
    if (now - row.lastSeenAt.getTime() > SESSION_POLICY.touchEverySeconds * 1000) {
      await tx.update(s).set({ lastSeenAt: new Date(now) }).where(eq(s.sessionHash, hash));
    }
    // The operator is read in the session's agency, so a role change applies on the next request.
    await tx.execute(sql`select set_config('app.agency_id', ${row.agencyId}, true)`);
    const [operator] = await tx
      .select({ id: schema.operators.id, email: schema.operators.email, name: schema.operators.name, role: schema.operators.role, agencyName: schema.agencies.name })
      .from(schema.operators)
      .innerJoin(schema.agencies, eq(schema.agencies.id, schema.operators.agencyId))
      .where(eq(schema.operators.id, row.operatorId))
      .limit(1);
    if (!operator) return null;
    return { sessionHash: hash, operatorId: operator.id, agencyId: row.agencyId, agencyName: operator.agencyName, email: operator.email, name: operator.name, role: operator.role };
  });
};

export const deleteSession = async (db: Database, id: string): Promise<void> => {
  const hash = hashSecret(id);
  await withTenant(db, {}, async (tx) => {
    await selectSessionByHash(tx, hash);
    await tx.delete(s).where(eq(s.sessionHash, hash));
  });
};
