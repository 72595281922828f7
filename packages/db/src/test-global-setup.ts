/**
 * vitest globalSetup for packages whose tests need PostgreSQL. `pnpm test` at the root
 * already provides DATABASE_URL; this covers running one package's tests on its own.
 */
export default async function setup(): Promise<(() => Promise<void>) | void> {
  if (process.env.DATABASE_URL) return;
  // Imported only when needed: the embedded server is not loaded when DATABASE_URL is set.
  const { startThrowawayPostgres } = await import('./embedded');
  const pg = await startThrowawayPostgres();
  process.env.DATABASE_URL = pg.adminUrl;
  return pg.stop;
}
