import { sql } from 'drizzle-orm';
import { index, pgPolicy, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { appRole, currentAgency, timestamps } from './columns';

export const agencies = pgTable(
  'agencies',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    ...timestamps,
  },
  () => [
    pgPolicy('agencies_own', { for: 'all', to: appRole, using: sql`id = ${currentAgency}`, withCheck: sql`id = ${currentAgency}` }),
  ],
);

export const OPERATOR_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;

export const operators = pgTable(
  'operators',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: OPERATOR_ROLES }).notNull(),
    ...timestamps,
  },
  (t) => [
    // Emails are unique across Sumeru: sign-in starts from the email alone.
    uniqueIndex('operators_email_key').on(sql`lower(${t.email})`),
    index('operators_agency_idx').on(t.agencyId),
    pgPolicy('operators_agency', { for: 'all', to: appRole, using: sql`agency_id = ${currentAgency}`, withCheck: sql`agency_id = ${currentAgency}` }),
    // Sign-in looks an operator up by email before any agency is known.
    pgPolicy('operators_sign_in', { for: 'select', to: appRole, using: sql`lower(email) = nullif(current_setting('app.operator_email', true), '')` }),
  ],
);
