import { sql, type SQL } from 'drizzle-orm';
import { numeric, pgPolicy, pgRole, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The role every tenant transaction switches to (SET LOCAL ROLE). It is neither owner,
 * superuser nor BYPASSRLS, so row-level security always applies to application queries.
 */
export const APP_ROLE_NAME = 'sumeru_app';
export const appRole = pgRole(APP_ROLE_NAME).existing();

// `true` = missing setting reads as NULL, so "no tenant set" matches no row, never all rows.
export const currentShop = sql`nullif(current_setting('app.shop_id', true), '')`;
export const currentAgency = sql`nullif(current_setting('app.agency_id', true), '')`;

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

/** Money is numeric(14,2): exact, read and written as a decimal string. */
export const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

/** Every tenant row carries both ids; the shop id leads every index. */
export const tenantColumns = {
  agencyId: text('agency_id').notNull(),
  shopId: text('shop_id').notNull(),
};

/**
 * The policies every shop-owned table gets: read and write inside the current shop; read
 * (never write) across the current agency for console overviews.
 */
export const tenantPolicies = (table: string, extraRead?: SQL) => [
  pgPolicy(`${table}_shop_rw`, {
    for: 'all',
    to: appRole,
    using: sql`shop_id = ${currentShop}`,
    withCheck: sql`shop_id = ${currentShop}`,
  }),
  pgPolicy(`${table}_agency_read`, {
    for: 'select',
    to: appRole,
    using: extraRead ? sql`agency_id = ${currentAgency} or ${extraRead}` : sql`agency_id = ${currentAgency}`,
  }),
];
