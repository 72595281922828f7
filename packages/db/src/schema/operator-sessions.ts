import { sql } from 'drizzle-orm';
import { index, pgPolicy, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { agencies, operators } from './agencies';
import { appRole, currentAgency } from './columns';

/**
 * Console sessions. The cookie carries 128 random bits; only their SHA-256 is stored, so a
 * database read does not hand out live sessions. Idle expiry reads `last_seen_at`, absolute
 * expiry `expires_at`; both are checked on every request.
 */
export const operatorSessions = pgTable(
  'operator_sessions',
  {
    sessionHash: text('session_hash').primaryKey(),
    agencyId: text('agency_id')
      .notNull()
      .references(() => agencies.id),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('operator_sessions_agency_operator_idx').on(t.agencyId, t.operatorId),
    pgPolicy('operator_sessions_agency', { for: 'all', to: appRole, using: sql`agency_id = ${currentAgency}`, withCheck: sql`agency_id = ${currentAgency}` }),
    // A request finds its session by the hash of the cookie before the agency is known: only the
    // holder of the cookie can name that hash.
    pgPolicy('operator_sessions_by_hash', {
      for: 'all',
      to: appRole,
      using: sql`session_hash = nullif(current_setting('app.session_hash', true), '')`,
      withCheck: sql`session_hash = nullif(current_setting('app.session_hash', true), '')`,
    }),
  ],
);
