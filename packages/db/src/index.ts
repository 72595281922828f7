export { closeDatabase, createDatabase, pingDatabase, type Database, type DatabaseOptions } from './client';
export { withAgency, withShop, withTenant, type TenantContext, type Tx } from './tenant';
export { MIGRATIONS_DIR, runMigrations } from './migrate';
export * as schema from './schema/index';
export { findShop, issueApiToken, issuePublishableKey, revokeApiToken, type IssuedToken, type TokenTier } from './tokens';
export { recordEvent, recordEvents } from './events';
export { refreshCustomerTotals } from './customer-totals';
